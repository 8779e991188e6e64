import type { LocalizedText } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { AgencyEstimate, AgencyWaiting } from '../board/waiting-counts.js';
import { TEXT } from '../display-text.js';
import './panel.css';
import './agency-dot.css';
import './waiting-list.css';

/** "± 15 mnt", or "± 5–20 mnt" when the agency's services differ. */
function estimateText(estimate: AgencyEstimate, t: (text: LocalizedText) => string): string {
  if (!estimate.open) return t(TEXT.noCounterOpen);
  const { fromMinutes: from, toMinutes: to } = estimate;
  return `± ${from === to ? from : `${from}–${to}`} ${t(TEXT.minutesShort)}`;
}

/**
 * Visitors waiting per agency, about how long they wait, and (on a screen covering several floors) where the
 * agency is, so the hall sees where the queues are.
 */
export function WaitingList(props: {
  waiting: readonly (AgencyWaiting & { estimate: AgencyEstimate | undefined })[];
  /** The agency's floors on this screen, or undefined where the display covers one floor only. */
  zoneOf: (agencyId: string) => string | undefined;
}) {
  const { t } = useLanguage();
  return (
    <section className="waiting panel" data-testid="waiting">
      <h2 className="panel-title">{t(TEXT.waiting)}</h2>
      <ul>
        {props.waiting.map(({ agency, waiting, estimate }) => {
          // Nobody waiting: one quiet line, the room goes to the agencies with a queue.
          const zone = waiting > 0 ? props.zoneOf(agency.id) : undefined;
          return (
            <li key={agency.id} className={waiting === 0 ? 'none' : ''}>
              <span className="agency-dot" style={agencyStyle(agency.color)} />
              <span className="waiting-agency">{agency.shortName}</span>
              <span className="waiting-count" data-testid={`waiting-${agency.id}`}>
                {waiting}
              </span>
              {estimate || zone ? (
                <span className="waiting-detail">
                  {zone ? (
                    <span className="waiting-zone" data-testid={`zone-${agency.id}`}>
                      {zone}
                    </span>
                  ) : null}
                  {estimate ? (
                    <span className="waiting-estimate" data-testid={`estimate-${agency.id}`}>
                      {estimateText(estimate, t)}
                    </span>
                  ) : null}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
