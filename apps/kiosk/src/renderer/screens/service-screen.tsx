import type { PublicHallConfig } from '@antre/shared';
import { placeText, waitCertaintyText, waitOutlookText, whereToGo } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { ServiceAvailability } from '../../core/service-availability.js';
import { outlookOf } from '../../core/service-availability.js';
import { BackButton } from '../components/back-button.js';
import { Icon } from '../components/icon.js';
import { useRefusalLines } from '../components/service-card.js';
import { hoursToday, periodsText } from '../text/hall-time-text.js';
import { TEXT } from '../text/kiosk-text.js';
import '../shared/buttons.css';
import '../shared/screen-heading.css';
import './service-screen.css';

/** The requirements (persyaratan) to bring, the queue now, and the buttons to take a number. */
export function ServiceScreen(props: {
  config: PublicHallConfig;
  serviceId: string;
  availability: ServiceAvailability | undefined;
  now: number;
  /** False when no number can be taken here now (a browser kiosk without the hub). */
  canIssue: boolean;
  onBack: () => void;
  onTake: () => void;
  onPriority: () => void;
}) {
  const { t, lang } = useLanguage();
  const service = props.config.services.find((s) => s.id === props.serviceId);
  const agency = props.config.agencies.find((a) => a.id === service?.agencyId);
  const refusal = useRefusalLines(props.config, service, props.availability, props.now);
  if (!service) return null;
  const requirements = service.requirements[lang];
  const waiting = props.availability?.waiting ?? 0;
  const outlook = outlookOf(props.availability);
  const certainty = waitCertaintyText(outlook, lang);
  const blocked = refusal !== undefined || !props.canIssue;
  const today = hoursToday(service.hours ?? props.config.hall.hours, props.now, props.config.hall.timeZone);
  return (
    <div className="service-screen" style={agencyStyle(agency?.color)}>
      <div className="screen-bar">
        <BackButton onBack={props.onBack} />
        <div className="screen-bar-title">
          <h1 className="screen-title">{service.name[lang]}</h1>
          <p className="screen-subtitle">{agency?.name}</p>
        </div>
      </div>
      <div className="service-detail">
        <section className="requirements-panel" aria-labelledby="requirements-title">
          <h2 id="requirements-title" className="panel-title">
            <Icon name="document" size={34} /> {t(TEXT.requirements)}
          </h2>
          {requirements.length === 0 ? (
            <p className="requirements-none">{t(TEXT.noRequirements)}</p>
          ) : (
            <ol className="requirements-list">
              {requirements.map((r, i) => (
                <li key={i}>
                  <span className="requirement-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span>{r}</span>
                </li>
              ))}
            </ol>
          )}
          {requirements.length > 0 ? <p className="requirements-hint">{t(TEXT.requirementsHint)}</p> : null}
        </section>

        <aside className="take-panel">
          <div className="wait-facts">
            <div className="wait-fact">
              <Icon name="people" size={64} />
              <span className="wait-fact-value" data-testid="waiting-count">
                {waiting}
              </span>
              <span className="wait-fact-label">{t(TEXT.peopleWaiting)}</span>
            </div>
            <div className="wait-fact">
              <Icon name="clock" size={64} />
              <span className="wait-fact-value">{waitOutlookText(outlook, lang)}</span>
              <span className="wait-fact-label">{t(TEXT.estimatedWait)}</span>
              {certainty ? (
                <span className="wait-fact-note" data-testid="wait-certainty">
                  {certainty}
                </span>
              ) : null}
            </div>
            <div className="wait-fact where">
              <Icon name="next" size={64} />
              <span className="wait-fact-value" data-testid="service-where">
                {placeText(whereToGo(props.config, { serviceId: service.id }), lang)}
              </span>
              <span className="wait-fact-label">{t(TEXT.whereServed)}</span>
            </div>
            <div className="wait-fact hours">
              <Icon name="calendar" size={64} />
              <span className="wait-fact-value">{today.length > 0 ? periodsText(today) : '—'}</span>
              <span className="wait-fact-label">
                {today.length > 0 ? t(TEXT.hoursToday) : t(TEXT.closedToday)}
              </span>
            </div>
          </div>
          {refusal ? (
            <div className="refusal-note" role="status">
              <Icon name="alert" size={34} />
              <div>
                <strong>
                  {props.availability?.refusal?.code === 'QUOTA_REACHED'
                    ? t(TEXT.quotaReached)
                    : t(TEXT.closedNow)}{' '}
                  · {refusal[0]}
                </strong>
                <span>{refusal[1]}</span>
              </div>
            </div>
          ) : null}
          <button
            type="button"
            className="primary-button take-button"
            disabled={blocked}
            onClick={props.onTake}
            data-testid="take-number"
          >
            <Icon name="ticket" size={40} />
            {props.canIssue || refusal ? t(TEXT.takeNumber) : t(TEXT.offlineTakeDisabled)}
          </button>
          <button
            type="button"
            className="secondary-button priority-button"
            disabled={blocked}
            onClick={props.onPriority}
            data-testid="priority"
          >
            <span className="priority-button-icons" aria-hidden="true">
              <Icon name="elderly" size={38} />
              <Icon name="disability" size={38} />
              <Icon name="pregnant" size={38} />
            </span>
            <span className="priority-button-text">
              <strong>{t(TEXT.priorityService)}</strong>
              <span>{t(TEXT.priorityHint)}</span>
            </span>
          </button>
        </aside>
      </div>
    </div>
  );
}
