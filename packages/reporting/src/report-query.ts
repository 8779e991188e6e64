import type { HallConfig, LocalizedText, PriorityGroup } from '@antre/shared';
import { PRIORITY_GROUPS } from '@antre/shared';
import { z } from 'zod';
import type { VisitOrigin } from './report-rows.js';
import { VISIT_ORIGINS, dayNumber, dayString } from './report-rows.js';

export const PERIOD_KINDS = ['day', 'week', 'month', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The longest period a report covers: a year and a few days (a custom range over a year's turn). */
export const MAX_PERIOD_DAYS = 400;
const FIRST_DAY = '2000-01-01';
const LAST_DAY = '2099-12-31';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const id = z.string().min(1).max(64);

/** A report request as it comes in the query string. */
export const reportQuerySchema = z.strictObject({
  period: z.enum(PERIOD_KINDS).optional(),
  /** The day (day, week), `YYYY-MM` or a day in it (month), `YYYY` or a day in it (year). */
  date: z.string().max(10).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  agency: id.optional(),
  service: id.optional(),
  counter: id.optional(),
  staff: id.optional(),
  priority: z.enum(PRIORITY_GROUPS).optional(),
  origin: z.enum(VISIT_ORIGINS).optional(),
  /** Which table of a report a CSV holds. */
  table: z.string().max(40).optional(),
});
export type ReportQueryInput = z.input<typeof reportQuerySchema>;

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
  days: number;
}

export interface ReportFilters {
  agencyId?: string | undefined;
  serviceId?: string | undefined;
  counterId?: string | undefined;
  staff?: string | undefined;
  priority?: PriorityGroup | undefined;
  origin?: VisitOrigin | undefined;
}

export interface ReportQuery {
  period: Period;
  filters: ReportFilters;
  table?: string | undefined;
}

/** A report request refused: the HTTP status, a code and a message in both languages. */
export class ReportError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 503,
    readonly code: string,
    readonly text: LocalizedText,
  ) {
    super(text.en);
  }
}

const bad = (id: string, en: string) => new ReportError(400, 'VALIDATION_FAILED', { id, en });

/**
 * Reads a report request: the period (day, ISO week from Monday, month, year, or a custom range), and the
 * filters, each checked against the hall config. `today` is the hall day the request is made on, the default.
 */
export function parseReportQuery(
  input: Record<string, string>,
  config: HallConfig,
  today: string,
): ReportQuery {
  const parsed = reportQuerySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') ?? '';
    throw bad(`Parameter tidak valid: ${where}`, `Invalid parameter ${where}: ${issue?.message ?? ''}`);
  }
  const q = parsed.data;
  const period = resolvePeriod(
    q.period ?? (q.from !== undefined || q.to !== undefined ? 'custom' : 'day'),
    q,
    today,
  );
  const filters: ReportFilters = {};
  if (q.agency !== undefined) {
    if (!config.agencies.some((a) => a.id === q.agency))
      throw bad(`Instansi ${q.agency} tidak ada`, `No agency ${q.agency}`);
    filters.agencyId = q.agency;
  }
  if (q.service !== undefined) {
    if (!config.services.some((s) => s.id === q.service))
      throw bad(`Layanan ${q.service} tidak ada`, `No service ${q.service}`);
    filters.serviceId = q.service;
  }
  if (q.counter !== undefined) {
    if (!config.counters.some((c) => c.id === q.counter))
      throw bad(`Loket ${q.counter} tidak ada`, `No counter ${q.counter}`);
    filters.counterId = q.counter;
  }
  if (q.staff !== undefined) {
    if (!config.staff.some((s) => s.username === q.staff))
      throw bad(`Petugas ${q.staff} tidak ada`, `No staff member ${q.staff}`);
    filters.staff = q.staff;
  }
  if (q.priority !== undefined) filters.priority = q.priority;
  if (q.origin !== undefined) filters.origin = q.origin;
  return { period, filters, table: q.table };
}

function resolvePeriod(
  kind: PeriodKind,
  q: { date?: string | undefined; from?: string | undefined; to?: string | undefined },
  today: string,
): Period {
  if (kind === 'custom') {
    if (q.from === undefined || q.to === undefined) {
      throw bad('Periode kustom memerlukan from dan to', 'A custom period needs from and to');
    }
    const from = validDay(q.from);
    const to = validDay(q.to);
    if (from > to)
      throw bad(`Periode terbalik: ${from} sesudah ${to}`, `Reversed period: ${from} is after ${to}`);
    return bounded(kind, from, to);
  }
  const date = q.date ?? today;
  switch (kind) {
    case 'day': {
      const day = validDay(date);
      return bounded(kind, day, day);
    }
    case 'week': {
      const day = validDay(date);
      // ISO weeks run Monday to Sunday.
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const from = addDays(day, -((weekday + 6) % 7));
      return bounded(kind, from, addDays(from, 6));
    }
    case 'month': {
      const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(date);
      if (!m) throw bad('Bulan sebagai YYYY-MM', 'A month as YYYY-MM');
      const from = validDay(`${m[1]}-${m[2]}-01`);
      const next =
        Number(m[2]) === 12
          ? `${Number(m[1]) + 1}-01-01`
          : `${m[1]}-${String(Number(m[2]) + 1).padStart(2, '0')}-01`;
      return bounded(kind, from, addDays(next, -1));
    }
    case 'year': {
      const m = /^(\d{4})(?:-\d{2}-\d{2})?$/.exec(date);
      if (!m) throw bad('Tahun sebagai YYYY', 'A year as YYYY');
      return bounded(kind, validDay(`${m[1]}-01-01`), validDay(`${m[1]}-12-31`));
    }
  }
}

function bounded(kind: PeriodKind, from: string, to: string): Period {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  if (days > MAX_PERIOD_DAYS) {
    throw bad(
      `Periode terlalu panjang: ${days} hari (paling lama ${MAX_PERIOD_DAYS})`,
      `Period too long: ${days} days (at most ${MAX_PERIOD_DAYS})`,
    );
  }
  return { kind, from, to, days };
}

function validDay(s: string): string {
  const t = Date.parse(`${s}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s) {
    throw bad(`Tanggal tidak valid: ${s}`, `Not a date: ${s}`);
  }
  if (s < FIRST_DAY || s > LAST_DAY) throw bad(`Tanggal di luar jangkauan: ${s}`, `Date out of range: ${s}`);
  return s;
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function periodRange(p: Period): { from: number; to: number } {
  return { from: dayNumber(p.from), to: dayNumber(p.to) };
}

export { dayString };
