import { useLanguage } from '@antre/ui';
import type { KioskSnapshot } from '../../core/kiosk-backend.js';
import { TEXT } from '../text/kiosk-text.js';
import { Icon } from './icon.js';
import './status-banner.css';

/**
 * Says at once when the hub is out of reach, and what that means for the citizen: the Electron kiosk
 * still issues numbers; the browser kiosk cannot.
 */
export function StatusBanner(props: { snapshot: KioskSnapshot }) {
  const { t } = useLanguage();
  const { connection, issuesOffline } = props.snapshot;
  if (connection === 'online') return null;
  const kind = issuesOffline ? 'warn' : 'danger';
  const text = issuesOffline
    ? TEXT.offlineIssuing
    : connection === 'connecting'
      ? TEXT.connecting
      : TEXT.offlineRefusing;
  return (
    <div className={`status-banner ${kind}`} role="status" aria-live="polite" data-testid="status-banner">
      <Icon name="offline" size={34} />
      <span>{t(text)}</span>
    </div>
  );
}
