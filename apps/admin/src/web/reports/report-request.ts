import type { PriorityGroup } from '@antre/shared';
import type { PeriodKind, VisitOrigin } from '@antre/reporting';

/** The report filters as the page holds them: empty strings are "all". */
export interface ReportFilterState {
  period: PeriodKind;
  /** The day the period is around (`YYYY-MM-DD`); for a custom period, its first day. */
  from: string;
  /** A custom period's last day. */
  to: string;
  agency: string;
  service: string;
  counter: string;
  staff: string;
  priority: PriorityGroup | '';
  origin: VisitOrigin | '';
}

/**
 * The query string of `/api/reports/...` for these filters: only what is set, so that the hub's defaults and
 * its checks (`parseReportQuery`) apply to the rest.
 */
export function reportQuery(f: ReportFilterState, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  params.set('period', f.period);
  if (f.period === 'custom') {
    if (f.from !== '') params.set('from', f.from);
    if (f.to !== '') params.set('to', f.to);
  } else if (f.from !== '') {
    params.set('date', f.from);
  }
  const optional: Array<[string, string]> = [
    ['agency', f.agency],
    ['service', f.service],
    ['counter', f.counter],
    ['staff', f.staff],
    ['priority', f.priority],
    ['origin', f.origin],
  ];
  for (const [key, value] of optional) if (value !== '') params.set(key, value);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}
