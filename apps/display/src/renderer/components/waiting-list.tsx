import { agencyStyle, useLanguage } from '@antre/ui';
import type { AgencyWaiting } from '../board/waiting-counts.js';
import { TEXT } from '../display-text.js';
import './panel.css';
import './agency-dot.css';
import './waiting-list.css';

/** Visitors waiting per agency, busiest first, so the hall sees where the queues are. */
export function WaitingList(props: { waiting: readonly AgencyWaiting[] }) {
  const { t } = useLanguage();
  return (
    <section className="waiting panel" data-testid="waiting">
      <h2 className="panel-title">{t(TEXT.waiting)}</h2>
      <ul>
        {props.waiting.map(({ agency, waiting }) => (
          <li key={agency.id} className={waiting === 0 ? 'none' : ''}>
            <span className="agency-dot" style={agencyStyle(agency.color)} />
            <span className="waiting-agency">{agency.shortName}</span>
            <span className="waiting-count" data-testid={`waiting-${agency.id}`}>
              {waiting}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
