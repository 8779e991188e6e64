import type { AgencyConfig, PublicHallConfig, ServiceConfig } from '@antre/shared';
import { waitOutlookText } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { ServiceAvailability } from '../../core/service-availability.js';
import { outlookOf } from '../../core/service-availability.js';
import { hoursToday, opensText, periodsText } from '../text/hall-time-text.js';
import { TEXT, quotaText } from '../text/kiosk-text.js';
import { Icon } from './icon.js';
import './service-card.css';

/** Why a service takes no ticket, and its hours: the two lines a closed card shows. */
export function useRefusalLines(
  config: PublicHallConfig,
  service: ServiceConfig | undefined,
  availability: ServiceAvailability | undefined,
  now: number,
): [string, string] | undefined {
  const { t, lang } = useLanguage();
  const refusal = availability?.refusal;
  if (!refusal || !service) return undefined;
  if (refusal.code === 'QUOTA_REACHED') return [t(quotaText(refusal.quota)), t(TEXT.quotaBody)];
  const today = hoursToday(service.hours ?? config.hall.hours, now, config.hall.timeZone);
  const hours = today.length > 0 ? `${t(TEXT.hoursToday)}: ${periodsText(today)}` : t(TEXT.closedToday);
  return [opensText(refusal.opens, lang), hours];
}

/** A service to choose: its letter, name, the queue and the wait; or why it is closed, with its hours. */
export function ServiceCard(props: {
  config: PublicHallConfig;
  service: ServiceConfig;
  agency?: AgencyConfig | undefined;
  availability: ServiceAvailability | undefined;
  now: number;
  onOpen: () => void;
}) {
  const { t, lang } = useLanguage();
  const { service, availability } = props;
  const refusal = useRefusalLines(props.config, service, availability, props.now);
  const colour = props.agency?.color ?? props.config.agencies.find((a) => a.id === service.agencyId)?.color;
  return (
    <button
      type="button"
      className={`service-card${refusal ? ' closed' : ''}`}
      style={agencyStyle(colour)}
      onClick={props.onOpen}
      aria-disabled={refusal ? 'true' : undefined}
      data-testid={`service-${service.id}`}
    >
      <span className="service-prefix" aria-hidden="true">
        {service.prefix}
      </span>
      <span className="service-body">
        {props.agency ? <span className="service-agency">{props.agency.shortName}</span> : null}
        <span className="service-name">{service.name[lang]}</span>
        {refusal ? (
          <span className="service-refusal">
            <strong>
              {availability?.refusal?.code === 'QUOTA_REACHED' ? t(TEXT.quotaReached) : t(TEXT.closedNow)}
            </strong>
            <span> · {refusal[0]}</span>
            <span className="service-hours">{refusal[1]}</span>
          </span>
        ) : (
          <span className="service-meta">
            <span>
              <Icon name="people" size={22} /> {availability?.waiting ?? 0} {t(TEXT.waiting)}
            </span>
            <span>
              <Icon name="clock" size={22} /> {waitOutlookText(outlookOf(availability), lang)}
            </span>
          </span>
        )}
      </span>
      <Icon name="next" size={34} className="service-arrow" />
    </button>
  );
}
