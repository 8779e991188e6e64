import { LanguageToggle, useLanguage } from '@antre/ui';
import type { PublicHallConfig } from '@antre/shared';
import { hallDateText, hallTimeText } from '@antre/shared';
import { Icon } from './icon.js';
import './kiosk-header.css';

/** Hall name, the date and time in the hall's zone, and the language toggle: on every screen. */
export function KioskHeader(props: { config: PublicHallConfig; now: number; onHome: () => void }) {
  const { lang } = useLanguage();
  const zone = props.config.hall.timeZone;
  return (
    <header className="kiosk-header">
      <button
        type="button"
        className="kiosk-brand"
        onClick={props.onHome}
        aria-label={props.config.hall.name}
      >
        <span className="kiosk-brand-mark">
          <Icon name="ticket" size={34} />
        </span>
        <span className="kiosk-brand-text">
          <span className="kiosk-hall-name">{props.config.hall.name}</span>
          {props.config.hall.address ? (
            <span className="kiosk-hall-address">{props.config.hall.address}</span>
          ) : null}
        </span>
      </button>
      <div className="kiosk-clock" aria-live="off">
        <span className="kiosk-clock-time">{hallTimeText(props.now, zone)}</span>
        <span className="kiosk-clock-date">{hallDateText(props.now, zone, lang)}</span>
      </div>
      <LanguageToggle className="kiosk-lang" />
    </header>
  );
}
