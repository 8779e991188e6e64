import type { ConnectionStatus } from '@antre/client';
import { useLanguage } from './language.js';
import './connection-banner.css';

const TEXT: Record<Exclude<ConnectionStatus, 'online'>, { id: string; en: string }> = {
  connecting: { id: 'Menghubungkan ke server antrean…', en: 'Connecting to the queue server…' },
  offline: { id: 'Terputus dari server antrean. Menghubungkan kembali…', en: 'Disconnected. Reconnecting…' },
};

/** Says at once that the hub is out of reach; `detail` adds what still works. */
export function ConnectionBanner(props: { status: ConnectionStatus; detail?: { id: string; en: string } }) {
  const { t } = useLanguage();
  if (props.status === 'online') return null;
  return (
    <div className={`antre-connection-banner ${props.status}`} role="status" aria-live="polite">
      <strong>{t(TEXT[props.status])}</strong>
      {props.detail ? <span> {t(props.detail)}</span> : null}
    </div>
  );
}
