import type { ReadonlyTicket } from '@antre/shared';
import { pickReason } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { CounterView } from '../model/counter-view.js';
import type { HallIndex } from '../model/hall-index.js';
import { formatMinutes } from '../model/time-format.js';
import { PRIORITY_TEXT, T, fill } from '../text/ui-text.js';
import '../shared/buttons.css';
import '../shared/badges.css';
import '../shared/priority-tag.css';
import '../shared/panel.css';
import './queue-panel.css';

export interface QueuePanelProps {
  view: CounterView;
  index: HallIndex;
  now: number;
  canCallHeld: boolean;
  onCallHeld: (ticket: ReadonlyTicket) => void;
}

/** Who waits for this counter: per service counts and the longest wait, then the next tickets in call order. */
export function QueuePanel({ view, index, now, canCallHeld, onCallHeld }: QueuePanelProps) {
  const { t, lang } = useLanguage();
  const color = view.agency?.color;
  return (
    <section className="panel queue-panel" aria-labelledby="queue-title">
      <header className="panel-head">
        <h2 id="queue-title">{t(T.waitingTitle)}</h2>
        <span className="big-count" data-testid="waiting-total">
          {view.waitingTotal}
        </span>
      </header>
      <ul className="service-queues">
        {view.queues.map((q) => (
          <li key={q.service.id}>
            <span className="prefix-badge" style={agencyStyle(color)}>
              {q.service.prefix}
            </span>
            <span className="sq-name">
              <strong>{t(q.service.name)}</strong>
              <small>
                {q.oldestIssuedAt === undefined
                  ? t(T.noneWaiting)
                  : t(fill(T.longest, { t: formatMinutes(now - q.oldestIssuedAt, lang) }))}
                {q.priority > 0 ? (
                  <span className="priority-count">{t(fill(T.priorityCount, { n: q.priority }))}</span>
                ) : null}
              </small>
            </span>
            <span className="sq-count">{q.waiting}</span>
          </li>
        ))}
        {view.sentHere > 0 ? (
          <li className="sent-here">
            <span className="prefix-badge outline">↪</span>
            <span className="sq-name">
              <strong>{t(T.sentHere)}</strong>
            </span>
            <span className="sq-count">{view.sentHere}</span>
          </li>
        ) : null}
      </ul>
      {view.upcoming.length > 0 ? (
        <>
          <h3 className="panel-sub">{t(T.upNext)}</h3>
          <ol className="upcoming" data-testid="upcoming">
            {view.upcoming.map((ticket) => (
              <li key={ticket.id} className={ticket.priority !== 'none' ? 'priority' : ''}>
                <span className="up-number">{ticket.displayNumber}</span>
                <span className="up-tag">
                  {ticket.priority !== 'none' ? (
                    <span className="priority-tag small">{t(PRIORITY_TEXT[ticket.priority])}</span>
                  ) : null}
                  {ticket.transfers.length > 0 ? <span className="transfer-tag">↪</span> : null}
                  <AppointmentTag ticket={ticket} index={index} />
                  <span className="up-service">
                    {t(index.services.get(ticket.serviceId)?.name ?? { id: '', en: '' })}
                  </span>
                </span>
                <span className="up-wait">{formatMinutes(now - ticket.issuedAt, lang)}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {view.held.length > 0 ? (
        <>
          <h3 className="panel-sub">{t(T.heldTitle)}</h3>
          <ul className="held-list" data-testid="held">
            {view.held.map((ticket) => (
              <li key={ticket.id}>
                <span className="up-number">{ticket.displayNumber}</span>
                <span className="up-service">
                  {t(index.services.get(ticket.serviceId)?.name ?? { id: '', en: '' })}
                </span>
                <button
                  type="button"
                  className="btn small"
                  disabled={!canCallHeld}
                  onClick={() => onCallHeld(ticket)}
                >
                  {t(T.callThis)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** A checked-in appointment in the call order says its slot, as the counter says why it was picked. */
function AppointmentTag(props: { ticket: ReadonlyTicket; index: HallIndex }) {
  const { t } = useLanguage();
  const reason = pickReason(props.ticket, props.index.config);
  return reason ? <span className="up-appointment">{t(reason)}</span> : null;
}
