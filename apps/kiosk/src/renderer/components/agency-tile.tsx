import type { AgencyConfig } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { AgencyAvailability } from '../../core/service-availability.js';
import { opensShortText } from '../text/hall-time-text.js';
import { TEXT } from '../text/kiosk-text.js';
import { Icon } from './icon.js';
import './agency-tile.css';

/** The initials of an agency without a logo: "Disdukcapil" → "D", "Bank Nagari" → "BN", "Polres (SKCK)" → "P". */
function monogram(shortName: string): string {
  const words = shortName
    .replace(/\(.*?\)/g, ' ')
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w));
  return words
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

/** A large tile in the agency's colour: name, how many wait, and whether it takes tickets now. */
export function AgencyTile(props: {
  agency: AgencyConfig;
  services: number;
  availability: AgencyAvailability | undefined;
  onOpen: () => void;
}) {
  const { t, lang } = useLanguage();
  const { agency, availability } = props;
  const closed = availability !== undefined && availability.open === 0;
  return (
    <button
      type="button"
      className={`agency-tile${closed ? ' closed' : ''}`}
      style={agencyStyle(agency.color)}
      onClick={props.onOpen}
      data-testid={`agency-${agency.id}`}
    >
      <span className="agency-tile-top">
        {agency.logo ? (
          <img className="agency-logo" src={agency.logo} alt="" />
        ) : (
          <span className="agency-monogram" aria-hidden="true">
            {monogram(agency.shortName)}
          </span>
        )}
        <span className="agency-tile-names">
          <span className="agency-short">{agency.shortName}</span>
          <span className="agency-full">{agency.name}</span>
        </span>
      </span>
      <span className="agency-tile-bottom">
        {closed ? (
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
        <span className="agency-count">
          {props.services} {t(TEXT.services)}
        </span>
      </span>
    </button>
  );
}
