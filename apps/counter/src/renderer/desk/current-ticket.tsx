import type { ReadonlyTicket } from '@antre/shared';
import { pickReason } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { CounterView } from '../model/counter-view.js';
import type { QueuedAction } from '../model/desk-commands.js';
import type { HallIndex } from '../model/hall-index.js';
import { formatMinutes, formatStopwatch } from '../model/time-format.js';
import { agencyBeside } from '../text/service-names.js';
import { PRIORITY_TEXT, T, breakReasonText, fill } from '../text/ui-text.js';
import '../shared/buttons.css';
import '../shared/badges.css';
import '../shared/priority-tag.css';
import './current-ticket.css';

export interface CurrentTicketProps {
  view: CounterView;
  index: HallIndex;
  now: number;
  online: boolean;
  /** A finish or no-show of the current ticket that waits for the connection. */
  settling: QueuedAction | undefined;
  onOpen: () => void;
}

/** The visitor at the counter, very large, with how long they waited and how long they have been served. */
export function CurrentTicket(props: CurrentTicketProps) {
  const { view } = props;
  if (view.current) return <TicketCard {...props} ticket={view.current} />;
  if (view.status.status !== 'open') return <ClosedCard {...props} />;
  return <EmptyCard {...props} />;
}

function TicketCard(props: CurrentTicketProps & { ticket: ReadonlyTicket }) {
  const { t, lang } = useLanguage();
  const { ticket, index, now, settling } = props;
  const service = index.services.get(ticket.serviceId);
  const agency = service ? index.agencies.get(service.agencyId) : undefined;
  const serving = ticket.status === 'serving';
  const lastTransfer = ticket.transfers.at(-1);
  const fromService = lastTransfer ? index.services.get(lastTransfer.fromServiceId) : undefined;
  const fromCounter = lastTransfer ? index.counters.get(lastTransfer.byCounterId) : undefined;
  const waitedMs = (ticket.calledAt ?? now) - ticket.issuedAt;
  const sinceMs = now - (ticket.servingAt ?? ticket.calledAt ?? now);
  const callCount = ticket.calls.filter((c) => c.counterId === props.view.counter.id).length;
  const beside = service ? agencyBeside(service.name, agency, lang) : agency?.shortName;
  // Why call next picked it: an appointment goes at its slot's time (`appointment-merge.ts`).
  const reason = pickReason(ticket, index.config);

  return (
    <section
      className={`current-card ${ticket.status} ${settling ? 'settling' : ''}`}
      aria-label={t(T.current)}
    >
      <div className="current-main">
        <div className="current-tags">
          <span className={`ticket-state ${ticket.status}`}>
            {t(serving ? T.statusServing : T.statusCalled)}
          </span>
          {ticket.priority !== 'none' ? (
            <span className="priority-tag">{t(PRIORITY_TEXT[ticket.priority])}</span>
          ) : null}
          {reason ? (
            <span className="appointment-tag" data-testid="appointment-reason">
              {t(reason)}
            </span>
          ) : null}
        </div>
        <div className="current-number" data-testid="current-number">
          {ticket.displayNumber}
        </div>
        <div className="current-service">
          <span className="agency-dot" style={agencyStyle(agency?.color)} />
          <span>
            <strong>{service ? t(service.name) : ticket.serviceId}</strong>
            {beside === undefined ? '' : ` · ${beside}`}
          </span>
        </div>
        {lastTransfer && fromService ? (
          <div className="current-note">
            {t(
              fill(T.transferredFrom, {
                from: fromCounter
                  ? fill(T.serviceAtCounter, { s: fromService.name, c: fromCounter.name })
                  : fromService.name,
              }),
            )}
          </div>
        ) : null}
        {lastTransfer?.note ? (
          <p className="transfer-note" data-testid="transfer-note">
            <strong>{t(fill(T.noteFrom, { c: fromCounter?.name ?? '?' }))}:</strong> {lastTransfer.note}
          </p>
        ) : null}
        {settling ? (
          <div className="settling-note" role="status">
            {t(settling.command.type === 'finish' ? T.pendingFinish : T.pendingNoShow)}
          </div>
        ) : null}
      </div>
      <dl className="current-times">
        <div>
          <dt>{t(T.waited)}</dt>
          <dd>{formatMinutes(waitedMs, lang)}</dd>
        </div>
        <div className="emphasis">
          <dt>{t(serving ? T.serving : T.sinceCalled)}</dt>
          <dd data-testid="service-timer">{formatStopwatch(sinceMs)}</dd>
        </div>
        <div>
          <dt>{t(T.calls)}</dt>
          <dd>{callCount}×</dd>
        </div>
      </dl>
    </section>
  );
}

function ClosedCard(props: CurrentTicketProps) {
  const { t } = useLanguage();
  const paused = props.view.status.status === 'paused';
  const reason = breakReasonText(props.view.status.pauseReason);
  return (
    <section className={`current-card idle ${props.view.status.status}`}>
      <div className="idle-body">
        <h2>{t(paused ? T.counterPausedTitle : T.counterClosedTitle)}</h2>
        <p>{paused && reason ? t(reason) : t(T.counterClosedLead)}</p>
        <button
          type="button"
          className="btn primary big"
          autoFocus
          disabled={!props.online}
          onClick={props.onOpen}
        >
          {t(paused ? T.resumeCounter : T.openCounter)}
        </button>
      </div>
    </section>
  );
}

function EmptyCard(props: CurrentTicketProps) {
  const { t, lang } = useLanguage();
  const next = props.view.upcoming[0];
  return (
    <section className="current-card idle open">
      <div className="idle-body">
        <h2>{t(T.noCurrentTitle)}</h2>
        <p>{props.view.waitingTotal > 0 ? t(T.noCurrentLead) : t(T.nobodyWaiting)}</p>
        {next ? (
          <p className="idle-next">
            {t(T.upNext)}: <strong>{next.displayNumber}</strong> ·{' '}
            {formatMinutes(props.now - next.issuedAt, lang)}
          </p>
        ) : null}
      </div>
    </section>
  );
}
