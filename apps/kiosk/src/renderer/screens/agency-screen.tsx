import type { PublicHallConfig } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { KioskAvailability } from '../../core/service-availability.js';
import { BackButton } from '../components/back-button.js';
import { ServiceCard } from '../components/service-card.js';
import { TEXT } from '../text/kiosk-text.js';
import '../shared/screen-heading.css';
import './agency-screen.css';

/** One agency's services, each with its queue and wait, or why it takes no ticket now. */
export function AgencyScreen(props: {
  config: PublicHallConfig;
  agencyId: string;
  availability: KioskAvailability | undefined;
  now: number;
  onBack: () => void;
  onService: (serviceId: string) => void;
}) {
  const { t } = useLanguage();
  const agency = props.config.agencies.find((a) => a.id === props.agencyId);
  const services = props.config.services.filter((s) => s.agencyId === props.agencyId);
  return (
    <div className="agency-screen" style={agencyStyle(agency?.color)}>
      <div className="screen-bar">
        <BackButton onBack={props.onBack} />
        <div className="screen-bar-title">
          <h1 className="screen-title">{agency?.shortName}</h1>
          <p className="screen-subtitle">{agency?.name}</p>
        </div>
      </div>
      <p className="section-label">{t(TEXT.chooseService)}</p>
      <div className={`service-list${services.length > 1 ? ' two-columns' : ''}`}>
        {services.map((s) => (
          <ServiceCard
            key={s.id}
            config={props.config}
            service={s}
            availability={props.availability?.services[s.id]}
            now={props.now}
            onOpen={() => props.onService(s.id)}
          />
        ))}
      </div>
    </div>
  );
}
