import type { ReactNode } from 'react';
import type { PublicHallConfig } from '@antre/shared';
import {
  WATCH_CALL_SCREEN,
  hallTimeText,
  pickReason,
  placeText,
  waitCertaintyText,
  waitOutlookText,
  whereToGo,
} from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { IssuedTicket } from '../../core/kiosk-backend.js';
import type { ServiceAvailability } from '../../core/service-availability.js';
import { outlookOf } from '../../core/service-availability.js';
import { Icon } from '../components/icon.js';
import { QrCode } from '../components/qr-code.js';
import type { PrintStatus } from '../flow/kiosk-flow.js';
import { PRINT_FAULT_CAUSE, PRIORITY_LABEL, TEXT } from '../text/kiosk-text.js';
import '../shared/buttons.css';
import '../shared/spinner.css';
import './ticket-screen.css';

/**
 * The ticket on screen while it prints: the number very large, where to wait (the counters of the service and
 * their floor), a QR code to follow it on a phone, and what became of the printing — with the number still
 * there when the printer failed, at least 45 s, and a button to keep it there longer.
 */
export function TicketScreen(props: {
  config: PublicHallConfig;
  ticket: IssuedTicket;
  /** The service now: whether its counters are open, for the wait's wording. */
  availability: ServiceAvailability | undefined;
  print: PrintStatus;
  secondsLeft: number | undefined;
  onReprint: () => void;
  onKeepShowing: () => void;
  onDone: () => void;
  /** A visit's services, listed beside the QR code (under it in portrait) so the footer never hides them. */
  legs?: ReactNode;
}) {
  const { t, lang } = useLanguage();
  const { ticket, print } = props;
  const service = props.config.services.find((s) => s.id === ticket.serviceId);
  const agency = props.config.agencies.find((a) => a.id === service?.agencyId);
  const fault = typeof print === 'object' ? print.fault : undefined;
  const unprinted = fault !== undefined || print === 'no-printer';
  const place = placeText(whereToGo(props.config, { serviceId: ticket.serviceId, status: 'waiting' }), lang);
  const wait = outlookOf(props.availability, {
    ahead: ticket.ahead,
    minutes: ticket.minutes,
    low: ticket.low,
    high: ticket.high,
  });
  const certainty = waitCertaintyText(wait, lang);
  // A checked-in appointment: "Janji temu 10.30", as the counter says why it was picked.
  const appointment = pickReason(ticket, props.config);
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
          {appointment ? (
            <p className="ticket-priority ticket-appointment" data-testid="ticket-appointment">
              {t(appointment)}
            </p>
          ) : null}
          <p className="ticket-service">{service?.name[lang]}</p>
          <p className="ticket-agency">{agency?.name}</p>
          <div className="ticket-where" data-testid="ticket-where">
            <Icon name="next" size={44} strokeWidth={3} />
            <div>
              <span className="ticket-where-label">{t(TEXT.whereServed)}</span>
              <strong className="ticket-where-place">{place}</strong>
              <span className="ticket-where-hint">{t(WATCH_CALL_SCREEN)}</span>
            </div>
          </div>
          <div className="ticket-facts">
            <div>
              <span className="ticket-fact-value" data-testid="ticket-ahead">
                {ticket.ahead}
              </span>
              <span className="ticket-fact-label">{t(TEXT.ahead)}</span>
            </div>
            <div>
              <span className="ticket-fact-value" data-testid="ticket-wait">
                {waitOutlookText(wait, lang)}
              </span>
              <span className="ticket-fact-label">{t(TEXT.estimatedWait)}</span>
              {certainty ? (
                <span className="ticket-fact-note" data-testid="ticket-wait-certainty">
                  {certainty}
                </span>
              ) : null}
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
        {ticket.statusUrl !== undefined ? (
          <div className="ticket-qr" data-testid="ticket-qr" data-url={ticket.statusUrl}>
            {props.legs}
            <QrCode text={ticket.statusUrl} size={props.legs ? 200 : 260} label={t(TEXT.scanToFollow)} />
            <p>{t(TEXT.scanToFollow)}</p>
          </div>
        ) : props.legs ? (
          <div className="ticket-qr">{props.legs}</div>
        ) : null}
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
          {props.secondsLeft !== undefined ? (
            <span className="countdown" data-testid="countdown">
              {t(TEXT.returningIn)} {props.secondsLeft} {t(TEXT.seconds)}
            </span>
          ) : null}
          {unprinted ? (
            <button
              type="button"
              className="secondary-button keep-button"
              onClick={props.onKeepShowing}
              data-testid="keep-showing"
            >
              {t(TEXT.keepShowing)}
            </button>
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
