import { useEffect, useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { LocalizedText } from '@antre/shared';
import { PRIORITY_GROUPS, hallDay } from '@antre/shared';
import type { PeriodKind, Report, ReportId } from '@antre/reporting';
import { PERIOD_KINDS, REPORT_IDS, REPORT_TITLES, VISIT_ORIGINS } from '@antre/reporting';
import { useHub, useLanguage } from '@antre/ui';
import type { StaffSession } from '../model/admin-session.js';
import type { HubTime } from '../model/hub-time.js';
import { HeatMap } from '../reports/heat-map.js';
import { QueueLine } from '../reports/queue-line.js';
import { fetchReport, openExport } from '../reports/report-api.js';
import type { ReportFilterState } from '../reports/report-request.js';
import { reportQuery } from '../reports/report-request.js';
import { TableView } from '../reports/table-view.js';
import { R } from '../text/report-text.js';
import './reports-screen.css';

/** The reports one picks on the page; the monthly summary is a printable page of its own. */
type PageReport = Exclude<ReportId, 'monthly-summary'>;
const PAGE_REPORTS = REPORT_IDS.filter((r): r is PageReport => r !== 'monthly-summary');

/** `/admin/reports`: the figures of a period, filtered, with charts and exports. Indonesian first. */
export function ReportsScreen(props: { conn: HubConnection; session: StaffSession; time: HubTime }) {
  const hub = useHub(props.conn);
  const { t } = useLanguage();
  const config = hub.config;
  const zone = config?.hall.timeZone ?? 'Asia/Jakarta';
  const [filters, setFilters] = useState<ReportFilterState>(() => ({
    period: 'month',
    from: hallDay(props.time.now(), zone),
    to: hallDay(props.time.now(), zone),
    agency: props.session.staff.agencyId ?? '',
    service: '',
    counter: '',
    staff: '',
    priority: '',
    origin: '',
  }));
  const [id, setId] = useState<PageReport>('summary');
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<LocalizedText>();
  const [busy, setBusy] = useState(false);
  const token = props.session.sessionToken;
  const query = reportQuery(filters);

  useEffect(() => {
    let live = true;
    setBusy(true);
    void fetchReport(token, id, query).then((r) => {
      if (!live) return;
      setBusy(false);
      if (r.ok) {
        setReport(r.report);
        setError(undefined);
      } else {
        setReport(undefined);
        setError(r.text);
      }
    });
    return () => {
      live = false;
    };
  }, [token, id, query]);

  if (!config) return null;
  const set = (patch: Partial<ReportFilterState>) => setFilters((f) => ({ ...f, ...patch }));
  const services = config.services.filter((s) => filters.agency === '' || s.agencyId === filters.agency);
  const counters = config.counters.filter((c) => filters.agency === '' || c.agencyId === filters.agency);
  const staff = config.staff.filter((s) => filters.agency === '' || s.agencyId === filters.agency);
  const exportFile = (format: 'csv' | 'xlsx') =>
    void openExport(token, `/api/reports/${id}.${format}?${query}`, `antre-${id}.${format}`);

  return (
    <section className="reports" aria-labelledby="reports-title">
      <div className="reports-head">
        <h1 id="reports-title">{t(R.title)}</h1>
        <div className="reports-exports">
          <button type="button" className="admin-btn" onClick={() => exportFile('csv')}>
            CSV
          </button>
          <button type="button" className="admin-btn" onClick={() => exportFile('xlsx')}>
            Excel (XLSX)
          </button>
          <button
            type="button"
            className="admin-btn"
            onClick={() =>
              void openExport(
                token,
                `/api/reports/monthly-summary.html?${reportQuery({ ...filters, period: 'month' })}`,
              )
            }
          >
            {t(R.monthlySummary)}
          </button>
          <button
            type="button"
            className="admin-btn ghost"
            onClick={() =>
              void openExport(token, `/api/reports/raw/visits.csv?${query}`, 'antre-kunjungan.csv')
            }
          >
            {t(R.rawVisits)}
          </button>
        </div>
      </div>

      <form className="reports-filters" onSubmit={(e) => e.preventDefault()} aria-label={t(R.filters)}>
        <label className="admin-field">
          <span>{t(R.period)}</span>
          <select value={filters.period} onChange={(e) => set({ period: e.target.value as PeriodKind })}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(R.periods[k])}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>{t(filters.period === 'custom' ? R.from : R.date)}</span>
          <input type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        {filters.period === 'custom' ? (
          <label className="admin-field">
            <span>{t(R.to)}</span>
            <input type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
          </label>
        ) : null}
        <label className="admin-field">
          <span>{t(R.agency)}</span>
          <select
            value={filters.agency}
            disabled={props.session.staff.agencyId !== undefined}
            onChange={(e) => set({ agency: e.target.value, service: '', counter: '', staff: '' })}
          >
            <option value="">{t(R.all)}</option>
            {config.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.shortName}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>{t(R.service)}</span>
          <select value={filters.service} onChange={(e) => set({ service: e.target.value })}>
            <option value="">{t(R.all)}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {t(s.name)}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>{t(R.counter)}</span>
          <select value={filters.counter} onChange={(e) => set({ counter: e.target.value })}>
            <option value="">{t(R.all)}</option>
            {counters.map((c) => (
              <option key={c.id} value={c.id}>
                {t(R.counter)} {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>{t(R.staff)}</span>
          <select value={filters.staff} onChange={(e) => set({ staff: e.target.value })}>
            <option value="">{t(R.all)}</option>
            {staff.map((s) => (
              <option key={s.username} value={s.username}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>{t(R.priority)}</span>
          <select
            value={filters.priority}
            onChange={(e) => set({ priority: e.target.value as ReportFilterState['priority'] })}
          >
            <option value="">{t(R.all)}</option>
            {PRIORITY_GROUPS.map((p) => (
              <option key={p} value={p}>
                {t(R.priorities[p])}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>{t(R.origin)}</span>
          <select
            value={filters.origin}
            onChange={(e) => set({ origin: e.target.value as ReportFilterState['origin'] })}
          >
            <option value="">{t(R.all)}</option>
            {VISIT_ORIGINS.map((o) => (
              <option key={o} value={o}>
                {t(R.origins[o])}
              </option>
            ))}
          </select>
        </label>
      </form>

      <div className="reports-tabs" role="tablist">
        {PAGE_REPORTS.map((r) => (
          <button key={r} type="button" role="tab" aria-selected={r === id} onClick={() => setId(r)}>
            {t(REPORT_TITLES[r])}
          </button>
        ))}
      </div>

      {error ? (
        <p className="admin-error" role="alert">
          {t(error)}
        </p>
      ) : null}
      {report ? (
        <div className={`reports-body${busy ? ' busy' : ''}`} aria-busy={busy}>
          <p className="admin-lead" data-testid="report-period">
            {t(report.title)} · {report.period.from} – {report.period.to}
          </p>
          {id === 'heatmap' && report.tables[0] ? <HeatMap table={report.tables[0]} /> : null}
          {id === 'queue-length' && report.tables[0] ? <QueueLine table={report.tables[0]} /> : null}
          {report.tables.map((table) => (
            <TableView key={table.name} table={table} />
          ))}
          {report.notes.map((n, i) => (
            <p key={i} className="reports-note">
              {t(n)}
            </p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
