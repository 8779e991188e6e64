import { agencyStyle, useLanguage } from '@antre/ui';
import type { CounterRow } from '../board/counter-board.js';
import { gridShape } from '../board/grid-shape.js';
import { TEXT } from '../display-text.js';
import { useElementSize } from '../use-display.js';
import './panel.css';
import './counter-grid.css';

/** Tallest a counter tile gets, in rem (the display's type scale). */
const MAX_TILE_REM = 8;

/**
 * The counters at work (open or on a break) with the ticket each called or serves. Closed counters take no
 * tile: they are named on one line below, so that the ones that matter get the room.
 */
export function CounterGrid(props: { rows: readonly CounterRow[]; freshCounterIds: ReadonlySet<string> }) {
  const { t } = useLanguage();
  const [ref, size] = useElementSize<HTMLDivElement>();
  const working = props.rows.filter((row) => row.activity !== 'closed');
  const closed = props.rows.filter((row) => row.activity === 'closed');
  const shape = gridShape(working.length, size.width, size.height, 2.8);
  return (
    <section className="counters panel">
      <h2 className="panel-title">{t(TEXT.counters)}</h2>
      <div ref={ref} className="counter-area">
        {working.length === 0 ? (
          <p className="panel-empty">{t(TEXT.allClosed)}</p>
        ) : (
          <div
            className="counter-grid"
            style={{
              gridTemplateColumns: `repeat(${shape.columns}, minmax(0, 1fr))`,
              gridTemplateRows: `repeat(${shape.rows}, minmax(0, 1fr))`,
              // A few counters make tiles the size of posters: past this they stop growing.
              maxWidth: `calc(${shape.columns} * ${MAX_TILE_REM * 2.8}rem)`,
              maxHeight: `calc(${shape.rows} * ${MAX_TILE_REM}rem)`,
            }}
          >
            {working.map((row) => {
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
                  </div>
                  <div className="counter-body">
                    <span className="counter-ticket">
                      {row.ticket ? (
                        row.ticket.displayNumber
                      ) : (
                        <span className="counter-state">
                          {row.activity === 'paused' ? t(TEXT.paused) : '—'}
                        </span>
                      )}
                    </span>
                    <span className="counter-agency">{row.agency?.shortName}</span>
                  </div>
                </div>
              );
            })}
          </div>
        )}
      </div>
      {closed.length > 0 ? (
        <p className="counters-closed" data-testid="closed-counters">
          <span className="counters-closed-label">{t(TEXT.closedCounters)}</span>{' '}
          {closed.map((row) => row.counter.name).join(' · ')}
        </p>
      ) : null}
    </section>
  );
}
