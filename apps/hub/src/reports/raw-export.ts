import type { HallConfig } from '@antre/shared';
import type { ReportQuery, ReportStore, RowQuery } from '@antre/reporting';
import { LEG_COLUMNS_RAW, VISIT_COLUMNS, csvLine, periodRange, serviceIdsOf } from '@antre/reporting';

export const RAW_KINDS = ['visits', 'transactions'] as const;
export type RawKind = (typeof RAW_KINDS)[number];

export function rawRowQuery(query: ReportQuery, config: HallConfig): RowQuery {
  const f = query.filters;
  return {
    ...periodRange(query.period),
    serviceIds: serviceIdsOf(f, config),
    counterId: f.counterId,
    staff: f.staff,
    priority: f.priority,
    origin: f.origin,
  };
}

/** Writes the rows of a period as CSV, a line at a time: a year of transactions never sits in memory. */
export async function streamRawCsv(
  store: ReportStore,
  kind: RawKind,
  query: ReportQuery,
  config: HallConfig,
  write: (chunk: string) => void,
): Promise<number> {
  const q = rawRowQuery(query, config);
  let buffer = '\uFEFF';
  const flush = (force: boolean) => {
    if (buffer.length > 64 * 1024 || (force && buffer.length > 0)) {
      write(buffer);
      buffer = '';
    }
  };
  if (kind === 'visits') {
    buffer += csvLine(VISIT_COLUMNS.map((c) => c.label.id));
    const n = await store.eachVisit(q, (row) => {
      buffer += csvLine(VISIT_COLUMNS.map((c) => c.value(row, config)));
      flush(false);
    });
    flush(true);
    return n;
  }
  buffer += csvLine(LEG_COLUMNS_RAW.map((c) => c.label.id));
  const n = await store.eachLeg(q, (row) => {
    buffer += csvLine(LEG_COLUMNS_RAW.map((c) => c.value(row, config)));
    flush(false);
  });
  flush(true);
  return n;
}
