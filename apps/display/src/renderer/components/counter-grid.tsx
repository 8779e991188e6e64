import { agencyStyle, useLanguage } from '@antre/ui';
import type { CounterRow } from '../board/counter-board.js';
import { gridShape } from '../board/grid-shape.js';
import { TEXT } from '../display-text.js';
import { useElementSize } from '../use-display.js';
import './panel.css';
import './counter-grid.css';

/** Tallest a counter tile gets, in rem (the display's type scale). */
const MAX_TILE_REM = 10;

/** Every counter of the display's scope with the ticket it called or serves. */
export function CounterGrid(props: { rows: readonly CounterRow[]; freshCounterIds: ReadonlySet<string> }) {
  const { t } = useLanguage();
  const [ref, size] = useElementSize<HTMLDivElement>();
  const shape = gridShape(props.rows.length, size.width, size.height, 2.4);
  return (
    <section className="counters panel">
      <h2 className="panel-title">{t(TEXT.counters)}</h2>
      <div ref={ref} className="counter-area">
        <div
          className="counter-grid"
          style={{
            gridTemplateColumns: `repeat(${shape.columns}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${shape.rows}, minmax(0, 1fr))`,
            // A few counters make tiles the size of posters: past this they stop growing.
            maxWidth: `calc(${shape.columns} * ${MAX_TILE_REM * 2.6}rem)`,
            maxHeight: `calc(${shape.rows} * ${MAX_TILE_REM}rem)`,
          }}
        >
          {props.rows.map((row) => {
            const fresh = props.freshCounterIds.has(row.counter.id);
            return (
              <div
                key={row.counter.id}
                className={`counter-tile ${row.activity}${fresh ? ' fresh' : ''}`}
                data-testid={`counter-${row.counter.id}`}
              >
                <div className="counter-id" style={agencyStyle(row.agency?.color)}>
                  <span className="counter-word">{t(TEXT.counter)}</span>
                  <span className="counter-name">{row.counter.name}</span>
                  <span className="counter-agency">{row.agency?.shortName}</span>
                </div>
                <div className="counter-ticket">
                  {row.ticket ? (
                    row.ticket.displayNumber
                  ) : (
                    <span className="counter-state">
                      {row.activity === 'closed'
                        ? t(TEXT.closed)
                        : row.activity === 'paused'
                          ? t(TEXT.paused)
                          : '—'}
                    </span>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
