import type { ConnectionStatus } from '@antre/client';
import { useLanguage } from '@antre/ui';
import { TEXT } from '../display-text.js';
import './reconnect-notice.css';

/** A small, calm notice: the screen keeps showing the last state while the link comes back. */
export function ReconnectNotice(props: { status: ConnectionStatus }) {
  const { t } = useLanguage();
  if (props.status === 'online') return null;
  return (
    <div className="reconnect-notice" role="status" data-testid="reconnecting">
      <span className="reconnect-dot" aria-hidden="true" />
      {t(TEXT.reconnecting)}
    </div>
  );
}
