import type { PriorityGroup, PublicHallConfig } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { BackButton } from '../components/back-button.js';
import { Icon } from '../components/icon.js';
import type { IconName } from '../components/icon.js';
import { PRIORITY_CHOICES, TEXT } from '../text/kiosk-text.js';
import '../shared/buttons.css';
import '../shared/screen-heading.css';
import './priority-screen.css';

const ICONS: Record<Exclude<PriorityGroup, 'none'>, IconName> = {
  elderly: 'elderly',
  disability: 'disability',
  pregnant: 'pregnant',
  child: 'child',
  disaster: 'disaster',
};

/** The priority groups of Law 25/2009 art. 29, each a large button; or back to a regular number. */
export function PriorityScreen(props: {
  config: PublicHallConfig;
  serviceId: string;
  onBack: () => void;
  onChoose: (priority: PriorityGroup) => void;
}) {
  const { t, lang } = useLanguage();
  const service = props.config.services.find((s) => s.id === props.serviceId);
  return (
    <div className="priority-screen">
      <div className="screen-bar">
        <BackButton onBack={props.onBack} />
        <div className="screen-bar-title">
          <h1 className="screen-title">{t(TEXT.priorityTitle)}</h1>
          <p className="screen-subtitle">{service?.name[lang]}</p>
        </div>
      </div>
      <div className="priority-grid">
        {PRIORITY_CHOICES.map((c) => (
          <button
            type="button"
            key={c.group}
            className="priority-choice"
            onClick={() => props.onChoose(c.group)}
            data-testid={`priority-${c.group}`}
          >
            <span className="priority-choice-icon">
              <Icon name={ICONS[c.group]} size={84} strokeWidth={1.6} />
            </span>
            <span className="priority-choice-label">{t(c.label)}</span>
            <span className="priority-choice-detail">{t(c.detail)}</span>
          </button>
        ))}
      </div>
      <p className="priority-note">{t(TEXT.priorityNote)}</p>
      <button
        type="button"
        className="secondary-button regular-button"
        onClick={() => props.onChoose('none')}
      >
        {t(TEXT.regularInstead)}
      </button>
    </div>
  );
}
