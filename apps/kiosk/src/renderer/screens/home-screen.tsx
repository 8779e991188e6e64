import { useMemo, useState } from 'react';
import type { PublicHallConfig } from '@antre/shared';
import { agencyCodes } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { KioskAvailability } from '../../core/service-availability.js';
import { AgencyTile } from '../components/agency-tile.js';
import { Icon } from '../components/icon.js';
import { OnScreenKeyboard } from '../components/on-screen-keyboard.js';
import { ServiceCard } from '../components/service-card.js';
import { searchServices } from '../search/service-search.js';
import { TEXT } from '../text/kiosk-text.js';
import '../shared/screen-heading.css';
import './home-screen.css';

/**
 * The start: every agency as a tile, and a search over all services for halls with many of them. While no
 * ticket can be taken here (`unavailable`: a browser kiosk without its hub), the tiles and the search are
 * disabled at once, under the banner that says why, rather than at the last button.
 */
export function HomeScreen(props: {
  config: PublicHallConfig;
  availability: KioskAvailability | undefined;
  unavailable: boolean;
  now: number;
  query: string;
  onQuery: (query: string) => void;
  onAgency: (agencyId: string) => void;
  onService: (serviceId: string) => void;
}) {
  const { t, lang } = useLanguage();
  const { config, query } = props;
  const [typing, setTyping] = useState(false);
  const servicesPerAgency = useMemo(() => {
    const counts = new Map<string, number>();
    for (const s of config.services) counts.set(s.agencyId, (counts.get(s.agencyId) ?? 0) + 1);
    return counts;
  }, [config]);
  const codes = useMemo(() => agencyCodes(config.agencies), [config]);
  const results = useMemo(() => searchServices(config, query, lang), [config, query, lang]);
  const searching = query.trim() !== '';

  const key = (k: string) => {
    if (k === 'Backspace') props.onQuery(query.slice(0, -1));
    else if (query.length < 40) props.onQuery(query + k.toLowerCase());
  };

  return (
    <div className={`home-screen${typing ? ' typing' : ''}`}>
      <div className="home-intro">
        <div>
          <h1 className="screen-title">{t(TEXT.welcome)}</h1>
          <p className="screen-subtitle">{searching ? t(TEXT.searchResults) : t(TEXT.chooseAgency)}</p>
        </div>
        <div className={`search-box${typing ? ' active' : ''}`}>
          <Icon name="search" size={32} />
          <input
            type="search"
            inputMode="none"
            autoComplete="off"
            spellCheck={false}
            value={query}
            disabled={props.unavailable}
            placeholder={t(TEXT.searchPlaceholder)}
            aria-label={t(TEXT.searchPlaceholder)}
            onFocus={() => setTyping(true)}
            onPointerDown={() => setTyping(true)}
            onChange={(e) => props.onQuery(e.target.value.slice(0, 40))}
            data-testid="search"
          />
          {query !== '' ? (
            <button
              type="button"
              className="search-clear"
              onClick={() => props.onQuery('')}
              aria-label={t(TEXT.clear)}
            >
              <Icon name="close" size={28} />
            </button>
          ) : null}
        </div>
      </div>

      {searching ? (
        <div className="search-results">
          {results.length === 0 ? <p className="empty-note">{t(TEXT.noResults)}</p> : null}
          {results.map((s) => (
            <ServiceCard
              key={s.id}
              config={config}
              service={s}
              agency={config.agencies.find((a) => a.id === s.agencyId)}
              availability={props.availability?.services[s.id]}
              now={props.now}
              onOpen={() => props.onService(s.id)}
            />
          ))}
        </div>
      ) : (
        <div className="agency-grid" data-count={config.agencies.length}>
          {config.agencies.map((a) => (
            <AgencyTile
              key={a.id}
              agency={a}
              code={codes.get(a.id) ?? ''}
              services={servicesPerAgency.get(a.id) ?? 0}
              availability={props.availability?.agencies[a.id]}
              unavailable={props.unavailable}
              onOpen={() => props.onAgency(a.id)}
            />
          ))}
        </div>
      )}

      {typing && !props.unavailable ? (
        <OnScreenKeyboard layout="search" onKey={key} onClose={() => setTyping(false)} />
      ) : null}
    </div>
  );
}
