import type { AgencyConfig } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { AgencyAvailability } from '../../core/service-availability.js';
import { opensShortText } from '../text/hall-time-text.js';
import { TEXT, servicesText } from '../text/kiosk-text.js';
import { Icon } from './icon.js';
import './agency-tile.css';

/**
 * A large tile in the agency's colour: its badge (logo, or a short code no other agency has), name, how many
 * wait, and whether it takes tickets now. `unavailable`: no ticket can be taken at this kiosk at all now
 * (the hub is out of reach): the tile is disabled and says so.
 */
export function AgencyTile(props: {
  agency: AgencyConfig;
  code: string;
  services: number;
  availability: AgencyAvailability | undefined;
  unavailable: boolean;
  onOpen: () => void;
}) {
  const { t, lang } = useLanguage();
  const { agency, availability } = props;
  const closed = availability !== undefined && availability.open === 0;
  return (
    <button
      type="button"
      className={`agency-tile${closed || props.unavailable ? ' closed' : ''}`}
      style={agencyStyle(agency.color)}
      onClick={props.onOpen}
      disabled={props.unavailable}
      data-testid={`agency-${agency.id}`}
    >
      <span className="agency-tile-top">
        {agency.logo ? (
          <img className="agency-logo" src={agency.logo} alt="" />
        ) : (
          <span className="agency-code" aria-hidden="true" data-length={props.code.length}>
            {props.code}
          </span>
        )}
        <span className="agency-tile-names">
          <span className="agency-short">{agency.shortName}</span>
          <span className="agency-full">{agency.name}</span>
        </span>
      </span>
      <span className="agency-tile-bottom">
        {props.unavailable ? (
          <span className="agency-chip closed">{t(TEXT.notAvailableNow)}</span>
        ) : closed ? (
          <span className="agency-chip closed">
            {t(TEXT.closedNow)}
            {availability.opens ? ` · ${opensShortText(availability.opens, lang) ?? ''}` : ''}
          </span>
        ) : (
          <span className="agency-chip">
            <Icon name="people" size={22} />
            {availability?.waiting ?? 0} {t(TEXT.waiting)}
          </span>
        )}
        {/* Offline, the reason fills the row: a count wrapped below it would be cut off by the tile. */}
        {props.unavailable ? null : <span className="agency-count">{t(servicesText(props.services))}</span>}
      </span>
    </button>
  );
}
