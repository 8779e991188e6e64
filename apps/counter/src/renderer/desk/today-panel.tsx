import { useLanguage } from '@antre/ui';
import type { CounterView } from '../model/counter-view.js';
import { formatStopwatch } from '../model/time-format.js';
import { T, fill } from '../text/ui-text.js';
import '../shared/panel.css';
import './today-panel.css';

/** Today in numbers: this counter's visits and average service time, and the agency's whole picture in the hall. */
export function TodayPanel({ view }: { view: CounterView }) {
  const { t } = useLanguage();
  const { servedToday, serviceMsToday } = view.status;
  const average = servedToday > 0 ? formatStopwatch(serviceMsToday / servedToday) : '–';
  const a = view.agencyTotals;
  return (
    <section className="panel today-panel" aria-labelledby="today-title">
      <header className="panel-head">
        <h2 id="today-title">{t(T.todayTitle)}</h2>
      </header>
      <h3 className="panel-sub">{t(T.thisCounter)}</h3>
      <div className="today-grid">
        <div className="stat">
          <strong data-testid="served-today">{servedToday}</strong>
          <span>{t(T.served)}</span>
        </div>
        <div className="stat">
          <strong data-testid="average-service">{average}</strong>
          <span>{t(T.avgService)}</span>
        </div>
      </div>
      <h3 className="panel-sub">{t(fill(T.agencyTotals, { agency: view.agency?.shortName ?? '' }))}</h3>
      <div className="agency-grid" data-testid="agency-totals">
        <span>
          <strong>{a.waiting}</strong> {t(T.totalWaiting)}
        </span>
        <span>
          <strong>{a.atCounter}</strong> {t(T.totalInService)}
        </span>
        <span>
          <strong>{a.done}</strong> {t(T.totalDone)}
        </span>
        <span>
          <strong>{a.noShow}</strong> {t(T.totalNoShow)}
        </span>
      </div>
      <p className="counters-open">{t(fill(T.countersOpen, { open: a.countersOpen, all: a.countersAll }))}</p>
    </section>
  );
}
