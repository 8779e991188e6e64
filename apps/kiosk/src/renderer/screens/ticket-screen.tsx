import type { PublicHallConfig } from '@antre/shared';
import { hallTimeText } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { IssuedTicket } from '../../core/kiosk-backend.js';
import { Icon } from '../components/icon.js';
import { QrCode } from '../components/qr-code.js';
import type { PrintStatus } from '../flow/kiosk-flow.js';
import { waitText } from '../text/hall-time-text.js';
import { PRINT_FAULT_CAUSE, PRIORITY_LABEL, TEXT } from '../text/kiosk-text.js';
import '../shared/buttons.css';
import '../shared/spinner.css';
import './ticket-screen.css';

/**
 * The ticket on screen while it prints: the number very large, where to wait, a QR code to follow it on a
 * phone, and what became of the printing — with the number still there when the printer failed.
 */
export function TicketScreen(props: {
  config: PublicHallConfig;
  ticket: IssuedTicket;
  print: PrintStatus;
  secondsLeft: number;
  onReprint: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useLanguage();
  const { ticket, print } = props;
  const service = props.config.services.find((s) => s.id === ticket.serviceId);
  const agency = props.config.agencies.find((a) => a.id === service?.agencyId);
  const fault = typeof print === 'object' ? print.fault : undefined;
  return (
    <div className={`ticket-screen${fault ? ' fault' : ''}`} data-testid="ticket-screen">
      <div className="ticket-card">
        <div className="ticket-main">
          <p className="ticket-label">{t(TEXT.yourNumber)}</p>
          <p className="ticket-number" data-testid="ticket-number">
            {ticket.displayNumber}
          </p>
          {ticket.priority !== 'none' ? (
            <p className="ticket-priority">
              {t(TEXT.priority)} · {t(PRIORITY_LABEL[ticket.priority])}
            </p>
          ) : null}
          <p className="ticket-service">{service?.name[lang]}</p>
          <p className="ticket-agency">{agency?.name}</p>
          <div className="ticket-facts">
            <div>
              <span className="ticket-fact-value" data-testid="ticket-ahead">
                {ticket.ahead}
              </span>
              <span className="ticket-fact-label">{t(TEXT.ahead)}</span>
            </div>
            <div>
              <span className="ticket-fact-value">{waitText(ticket.ahead, ticket.minutes, lang)}</span>
              <span className="ticket-fact-label">{t(TEXT.estimatedWait)}</span>
            </div>
            <div>
              <span className="ticket-fact-value">
                {hallTimeText(ticket.issuedAt, props.config.hall.timeZone)}
              </span>
              <span className="ticket-fact-label">{lang === 'id' ? 'Diambil pukul' : 'Taken at'}</span>
            </div>
          </div>
          {ticket.offline ? <p className="ticket-offline">{t(TEXT.offlineTicket)}</p> : null}
        </div>
        <div className="ticket-qr">
          <QrCode text={ticket.statusUrl} size={260} label={t(TEXT.scanToFollow)} />
          <p>{t(TEXT.scanToFollow)}</p>
        </div>
      </div>

      <div
        className={`print-status ${fault ? 'fault' : print === 'printed' ? 'ok' : print === 'no-printer' ? 'neutral' : 'busy'}`}
        role="status"
        aria-live="assertive"
        data-testid="print-status"
      >
        {print === 'printing' ? (
          <>
            <span className="spinner" aria-hidden="true" />
            <strong>{t(TEXT.printing)}</strong>
          </>
        ) : print === 'printed' ? (
          <>
            <Icon name="printer" size={40} />
            <div className="print-text">
              <strong>{t(TEXT.printed)}</strong>
              <span>{t(TEXT.waitForCall)}</span>
            </div>
          </>
        ) : print === 'no-printer' ? (
          <>
            <Icon name="alert" size={40} />
            <div className="print-text">
              <strong>{t(TEXT.noPrinterTitle)}</strong>
              <span>{t(TEXT.noPrinterBody)}</span>
            </div>
          </>
        ) : (
          <>
            <Icon name="alert" size={44} />
            <div className="print-text">
              <strong>
                {t(TEXT.printFaultTitle)} — {t(PRINT_FAULT_CAUSE[fault?.reason ?? 'io-error'])}
              </strong>
              <span>{t(TEXT.printFaultBody)}</span>
            </div>
          </>
        )}
        <div className="ticket-actions">
          {fault ? (
            <button
              type="button"
              className="secondary-button reprint-button"
              onClick={props.onReprint}
              data-testid="reprint"
            >
              <Icon name="printer" size={30} /> {t(TEXT.reprint)}
            </button>
          ) : null}
          {print !== 'printing' ? (
            <span className="countdown">
              {t(TEXT.returningIn)} {props.secondsLeft} {t(TEXT.seconds)}
            </span>
          ) : null}
          <button
            type="button"
            className="primary-button done-button"
            onClick={props.onDone}
            data-testid="done"
          >
            {t(TEXT.done)}
          </button>
        </div>
      </div>
    </div>
  );
}
