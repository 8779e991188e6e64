import type { AgencyConfig, CounterConfig } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { TEXT } from '../display-text.js';
import type { CallRecord } from '../feed/call-feed.js';
import { ArrowIcon } from './icons.js';
import './panel.css';
import './previous-calls.css';

export function PreviousCalls(props: {
  calls: readonly CallRecord[];
  counters: ReadonlyMap<string, CounterConfig>;
  agencies: ReadonlyMap<string, AgencyConfig>;
  /** The counter's floor, where the display covers more than one (else undefined: it goes without saying). */
  zoneOf: (counterId: string) => string | undefined;
}) {
  const { t } = useLanguage();
  return (
    <section className="previous-calls panel" data-testid="previous-calls">
      <h2 className="panel-title">{t(TEXT.previousCalls)}</h2>
      {props.calls.length === 0 ? (
        <p className="panel-empty">{t(TEXT.noPreviousCalls)}</p>
      ) : (
        <ol>
          {props.calls.map((call) => {
            const counter = props.counters.get(call.counterId);
            const agency = counter ? props.agencies.get(counter.agencyId) : undefined;
            const zone = props.zoneOf(call.counterId);
            return (
              <li key={call.key} style={{ borderLeftColor: agency?.color ?? 'transparent' }}>
                <span className="previous-number">{call.displayNumber}</span>
                <ArrowIcon className="previous-arrow" />
                <span className="previous-counter">
                  <span className="previous-counter-word">{t(TEXT.counter)}</span> {counter?.name ?? '?'}
                  {zone ? <span className="previous-zone">{zone}</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
