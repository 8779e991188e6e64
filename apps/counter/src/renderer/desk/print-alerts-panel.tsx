import { useLanguage } from '@antre/ui';
import type { PrintAlert } from '../model/print-alerts.js';
import { formatMinutes } from '../model/time-format.js';
import { printFaultReasonText } from '../text/print-fault-text.js';
import { T, fill } from '../text/ui-text.js';
import '../shared/buttons.css';
import '../shared/panel.css';
import './print-alerts-panel.css';

export interface PrintAlertsPanelProps {
  alerts: readonly PrintAlert[];
  now: number;
  online: boolean;
  /** Tickets whose reprint is on its way. */
  printing: ReadonlySet<string>;
  onReprint: (alert: PrintAlert) => void;
}

/**
 * Tickets the kiosk could not print, above the queue: visible without shouting (amber, not red), and only
 * while there is one. Each row says whose ticket, which kiosk, why, and since when, with a reprint button.
 */
export function PrintAlertsPanel(props: PrintAlertsPanelProps) {
  const { alerts, now, online, printing, onReprint } = props;
  const { t, lang } = useLanguage();
  if (alerts.length === 0) return null;
  return (
    <section className="panel print-alerts" aria-labelledby="print-alerts-title" data-testid="print-alerts">
      <header className="panel-head" title={t(T.printAlertsHint)}>
        <h2 id="print-alerts-title">
          <PrinterIcon />
          {t(T.printAlertsTitle)}
        </h2>
        <span className="alert-count">{alerts.length}</span>
      </header>
      <ul className="print-alert-list">
        {alerts.map((alert) => {
          const { ticket, service, kioskName } = alert;
          const since = now - ticket.printFault.at;
          const ago = since < 60_000 ? T.justNow : fill(T.timeAgo, { t: formatMinutes(since, lang) });
          const busy = printing.has(ticket.id);
          const meta = [kioskName, t(ago), service ? t(service.name) : ticket.serviceId].join(' · ');
          return (
            <li key={ticket.id} data-testid="print-alert">
              <span className="up-number">{ticket.displayNumber}</span>
              <strong className="pa-reason" title={ticket.printFault.reason}>
                {t(printFaultReasonText(ticket.printFault.reason))}
              </strong>
              <button
                type="button"
                className="btn small"
                disabled={!online || busy}
                title={online ? undefined : t(T.needsConnection)}
                onClick={() => onReprint(alert)}
              >
                {t(busy ? T.reprinting : T.reprint)}
              </button>
              {/* Where and when first: the service (known from the number's prefix) is the one to shorten. */}
              <small className="pa-meta" title={meta}>
                {meta}
              </small>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function PrinterIcon() {
  return (
    <svg className="pa-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path
        fill="currentColor"
        d="M7 3h10v4H7zM5 8h14a2 2 0 0 1 2 2v6h-4v4H7v-4H3v-6a2 2 0 0 1 2-2zm4 7v3h6v-3zm8-4.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2z"
      />
    </svg>
  );
}
