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

/** Visitors waiting per agency, and about how long they wait, so the hall sees where the queues are. */
export function WaitingList(props: {
  waiting: readonly (AgencyWaiting & { estimate: AgencyEstimate | undefined })[];
}) {
  const { t } = useLanguage();
  return (
    <section className="waiting panel" data-testid="waiting">
      <h2 className="panel-title">{t(TEXT.waiting)}</h2>
      <ul>
        {props.waiting.map(({ agency, waiting, estimate }) => (
          <li key={agency.id} className={waiting === 0 ? 'none' : ''}>
            <span className="agency-dot" style={agencyStyle(agency.color)} />
            <span className="waiting-agency">{agency.shortName}</span>
            <span className="waiting-count" data-testid={`waiting-${agency.id}`}>
              {waiting}
            </span>
            {estimate ? (
              <span className="waiting-estimate" data-testid={`estimate-${agency.id}`}>
                {estimateText(estimate, t)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
