import type pg from 'pg';
import type {
  CounterSessionRow,
  DayRange,
  DayRollup,
  LegRow,
  LegStat,
  LegStatQuery,
  ProjectionStore,
  ReportStore,
  RowChanges,
  RowQuery,
  SlotStat,
  StatQuery,
  VisitRow,
  VisitStat,
  VisitStatQuery,
} from '@antre/reporting';
import type { HallConfig } from '@antre/shared';
import { addEncoded, emptyHistogram, encodeHistogram, sumLegs, sumVisits } from '@antre/reporting';
import { inTransaction } from '../db/pool.js';

/**
 * One hall's reporting tables in the central PostgreSQL: the same rows the hall's `SqliteReportStore` holds,
 * keyed by hall id, written by the same projector and read by the same figures (packages/reporting). The one
 * place the central SQL of reports lives.
 */
export class PgReportStore implements ProjectionStore, ReportStore {
  /**
   * `config`: the hall's, needed to write (each rolled day's hall totals are summed with packages/reporting's
   * `sumLegs`/`sumVisits`). `hallTotals`: statistics are read from those totals, one row per hall and day — for
   * figures over the whole hall only (grouping 'total', no filter), as the cross-hall overview asks.
   */
  constructor(
    private readonly pool: pg.Pool,
    readonly hallId: string,
    private readonly options: { config?: HallConfig; hallTotals?: boolean } = {},
  ) {}

  // ---- ProjectionStore

  async position(): Promise<{ seq: number; logId: string | null }> {
    const r = await this.pool.query<{ log_id: string; last_seq: number }>(
      'SELECT log_id, last_seq FROM report_positions WHERE hall_id = $1',
      [this.hallId],
    );
    const row = r.rows[0];
    return row ? { seq: row.last_seq, logId: row.log_id } : { seq: 0, logId: null };
  }

  async reset(logId: string): Promise<void> {
    await inTransaction(this.pool, async (db) => {
      for (const t of DATA_TABLES) await db.query(`DELETE FROM ${t} WHERE hall_id = $1`, [this.hallId]);
      await this.setPosition(db, logId, 0);
    });
  }

  async openRows(): Promise<{ visits: VisitRow[]; legs: LegRow[]; sessions: CounterSessionRow[] }> {
    const latest = `(SELECT MAX(day) FROM report_visits WHERE hall_id = $1)`;
    const open = `(v.outcome IS NULL OR v.outcome = 'no_show')`;
    const [visits, legs, sessions] = await Promise.all([
      this.pool.query(`SELECT * FROM report_visits v WHERE hall_id = $1 AND day = ${latest} AND ${open}`, [
        this.hallId,
      ]),
      this.pool.query(
        `SELECT t.* FROM report_transactions t JOIN report_visits v
           ON v.hall_id = t.hall_id AND v.day = t.day AND v.ticket_id = t.ticket_id
         WHERE t.hall_id = $1 AND v.day = ${latest} AND ${open}`,
        [this.hallId],
      ),
      this.pool.query('SELECT * FROM report_sessions WHERE hall_id = $1 AND ended_at IS NULL', [this.hallId]),
    ]);
    return {
      visits: visits.rows.map(toVisit),
      legs: legs.rows.map(toLeg),
      sessions: sessions.rows.map(toSession),
    };
  }

  async write(changes: RowChanges, rollups: ReadonlyMap<number, DayRollup>, seq: number): Promise<void> {
    await inTransaction(this.pool, async (db) => {
      const h = this.hallId;
      await upsertRows(
        db,
        'report_visits',
        h,
        VISIT_COLS,
        ['day', 'ticket_id'],
        changes.visits.map(visitValues),
      );
      const days = [...new Set(changes.visits.map((v) => v.day))];
      if (days.length > 0) {
        await db.query(
          `INSERT INTO report_days (hall_id, day, rolled) SELECT $1, d, false FROM unnest($2::int[]) d
           ON CONFLICT DO NOTHING`,
          [h, days],
        );
      }
      await upsertRows(
        db,
        'report_transactions',
        h,
        LEG_COLS,
        ['day', 'ticket_id', 'leg'],
        changes.legs.map((l) => LEG_COLS.map(([, js]) => l[js])),
      );
      await upsertRows(
        db,
        'report_sessions',
        h,
        SESSION_COLS,
        ['day', 'counter_id', 'seq'],
        changes.sessions.map((s) => SESSION_COLS.map(([, js]) => s[js])),
      );
      for (const [day, r] of rollups) {
        for (const t of ['report_leg_stats', 'report_visit_stats', 'report_slot_stats']) {
          await db.query(`DELETE FROM ${t} WHERE hall_id = $1 AND day = $2`, [h, day]);
        }
        await insertRows(
          db,
          'report_leg_stats',
          h,
          LEG_STAT_COLS,
          r.legStats.map((x) => legStatValues(x)),
        );
        await insertRows(
          db,
          'report_visit_stats',
          h,
          VISIT_STAT_COLS,
          r.visitStats.map((x) => visitStatValues(x)),
        );
        await insertRows(
          db,
          'report_slot_stats',
          h,
          SLOT_STAT_COLS,
          r.slotStats.map((s) => SLOT_STAT_COLS.map(([, js]) => s[js])),
        );
        await this.writeHallTotals(db, day, r);
        await db.query(
          `INSERT INTO report_days (hall_id, day, rolled) VALUES ($1, $2, true)
           ON CONFLICT (hall_id, day) DO UPDATE SET rolled = true`,
          [h, day],
        );
      }
      await db.query('UPDATE report_positions SET last_seq = $2 WHERE hall_id = $1', [h, seq]);
    });
  }

  async dayRows(day: number): Promise<{ visits: VisitRow[]; legs: LegRow[] }> {
    const [visits, legs] = await Promise.all([
      this.pool.query('SELECT * FROM report_visits WHERE hall_id = $1 AND day = $2', [this.hallId, day]),
      this.pool.query('SELECT * FROM report_transactions WHERE hall_id = $1 AND day = $2', [
        this.hallId,
        day,
      ]),
    ]);
    return { visits: visits.rows.map(toVisit), legs: legs.rows.map(toLeg) };
  }

  async closedUnrolledDays(before: number): Promise<number[]> {
    const r = await this.pool.query<{ day: number }>(
      'SELECT day FROM report_days WHERE hall_id = $1 AND NOT rolled AND day < $2 ORDER BY day',
      [this.hallId, before],
    );
    return r.rows.map((x) => x.day);
  }

  async latestDay(): Promise<number> {
    const r = await this.pool.query<{ day: number | null }>(
      'SELECT MAX(day) AS day FROM report_days WHERE hall_id = $1',
      [this.hallId],
    );
    return Number(r.rows[0]?.day ?? 0);
  }

  // ---- ReportStore

  async unrolledDays(range: DayRange): Promise<number[]> {
    const r = await this.pool.query<{ day: number }>(
      'SELECT day FROM report_days WHERE hall_id = $1 AND NOT rolled AND day BETWEEN $2 AND $3 ORDER BY day',
      [this.hallId, range.from, range.to],
    );
    return r.rows.map((x) => x.day);
  }

  async legStats(q: LegStatQuery): Promise<LegStat[]> {
    if (this.options.hallTotals) {
      const r = await this.pool.query(
        'SELECT * FROM report_hall_leg_days WHERE hall_id = $1 AND day BETWEEN $2 AND $3',
        [this.hallId, ...this.totalsRange(q)],
      );
      return r.rows.map((row: DbRow) => toLegStat({ ...row, dim: 'all', value: '', service_id: '' }));
    }
    const w = this.where(q, ['dim = $x'], [q.dim]);
    if (q.value !== undefined) w.add('value = $x', q.value);
    const r = await this.pool.query(`SELECT * FROM report_leg_stats WHERE ${w.sql()}`, w.params);
    return r.rows.map(toLegStat);
  }

  async visitStats(q: VisitStatQuery): Promise<VisitStat[]> {
    if (this.options.hallTotals) {
      const r = await this.pool.query(
        'SELECT * FROM report_hall_visit_days WHERE hall_id = $1 AND day BETWEEN $2 AND $3',
        [this.hallId, ...this.totalsRange(q)],
      );
      return r.rows.map((row: DbRow) => toVisitStat({ ...row, dim: 'all', value: '', service_id: '' }));
    }
    const w = this.where(q, ['dim = $x'], [q.dim]);
    if (q.value !== undefined) w.add('value = $x', q.value);
    const r = await this.pool.query(`SELECT * FROM report_visit_stats WHERE ${w.sql()}`, w.params);
    return r.rows.map(toVisitStat);
  }

  async slotStats(q: StatQuery): Promise<SlotStat[]> {
    const w = this.where(q);
    const r = await this.pool.query<SlotStat>(
      `SELECT day, service_id AS "serviceId", slot, arrivals, arrival_wait_n AS "arrivalWaitN",
         arrival_wait_sum AS "arrivalWaitSum", queue_in AS "queueIn", queue_out AS "queueOut"
       FROM report_slot_stats WHERE ${w.sql()}`,
      w.params,
    );
    return r.rows;
  }

  async legs(q: RowQuery & { days?: readonly number[] }): Promise<LegRow[]> {
    const w = this.rowWhere(q, true);
    const r = await this.pool.query(
      `SELECT * FROM report_transactions WHERE ${w.sql()} ORDER BY day, ticket_id, leg`,
      w.params,
    );
    return r.rows.map(toLeg);
  }

  async visits(q: RowQuery & { days?: readonly number[] }): Promise<VisitRow[]> {
    const w = this.rowWhere(q, false);
    const r = await this.pool.query(
      `SELECT * FROM report_visits WHERE ${w.sql()} ORDER BY day, ticket_id`,
      w.params,
    );
    return r.rows.map(toVisit);
  }

  async sessions(
    q: DayRange & { counterId?: string | undefined; staff?: string | undefined },
  ): Promise<CounterSessionRow[]> {
    const w = new Where(['hall_id = $x', 'day BETWEEN $x AND $x'], [this.hallId, q.from, q.to]);
    if (q.counterId !== undefined) w.add('counter_id = $x', q.counterId);
    if (q.staff !== undefined) w.add('staff = $x', q.staff);
    const r = await this.pool.query(
      `SELECT * FROM report_sessions WHERE ${w.sql()} ORDER BY day, counter_id, seq`,
      w.params,
    );
    return r.rows.map(toSession);
  }

  // Exports from the centre read a period at a time; a cursor would be the next step for multi-year exports.
  async eachLeg(q: RowQuery, each: (row: LegRow) => void): Promise<number> {
    const rows = await this.legs(q);
    rows.forEach(each);
    return rows.length;
  }

  async eachVisit(q: RowQuery, each: (row: VisitRow) => void): Promise<number> {
    const rows = await this.visits(q);
    rows.forEach(each);
    return rows.length;
  }

  /** The day's statistics over the whole hall (its services summed), one row per table. */
  private async writeHallTotals(db: pg.PoolClient, day: number, r: DayRollup): Promise<void> {
    const config = this.options.config;
    if (config === undefined) throw new Error('PgReportStore: the hall config is needed to write rollups');
    await db.query('DELETE FROM report_hall_leg_days WHERE hall_id = $1 AND day = $2', [this.hallId, day]);
    await db.query('DELETE FROM report_hall_visit_days WHERE hall_id = $1 AND day = $2', [this.hallId, day]);
    const leg = sumLegs(
      r.legStats.filter((x) => x.dim === 'all'),
      'total',
      config,
    ).get('');
    const visit = sumVisits(
      r.visitStats.filter((x) => x.dim === 'all'),
      'total',
      config,
    ).get('');
    if (leg) {
      await insertRows(db, 'report_hall_leg_days', this.hallId, HALL_LEG_COLS, [
        legStatValues({ ...leg, day }, HALL_LEG_COLS),
      ]);
    }
    if (visit) {
      await insertRows(db, 'report_hall_visit_days', this.hallId, HALL_VISIT_COLS, [
        visitStatValues({ ...visit, day }, HALL_VISIT_COLS),
      ]);
    }
  }

  /** Hall totals answer a whole-hall question only; anything narrower is a caller's mistake. */
  private totalsRange(q: LegStatQuery | VisitStatQuery): [number, number] {
    if (q.dim !== 'all' || q.value !== undefined || q.serviceIds !== undefined)
      throw new Error('PgReportStore: hall totals hold whole-hall figures only');
    return [q.from, q.to];
  }

  private async setPosition(db: pg.PoolClient, logId: string, seq: number): Promise<void> {
    await db.query(
      `INSERT INTO report_positions (hall_id, log_id, last_seq, ikm_seq) VALUES ($1, $2, $3, $3)
       ON CONFLICT (hall_id) DO UPDATE SET log_id = EXCLUDED.log_id, last_seq = EXCLUDED.last_seq,
         ikm_seq = EXCLUDED.ikm_seq`,
      [this.hallId, logId, seq],
    );
  }

  private where(q: StatQuery, extra: string[] = [], extraParams: unknown[] = []): Where {
    const w = new Where(
      ['hall_id = $x', 'day BETWEEN $x AND $x', ...extra],
      [this.hallId, q.from, q.to, ...extraParams],
    );
    if (q.serviceIds !== undefined) w.add('service_id = ANY($x)', [...q.serviceIds]);
    return w;
  }

  private rowWhere(q: RowQuery & { days?: readonly number[] }, legs: boolean): Where {
    const w = this.where(q);
    if (q.days !== undefined) w.add('day = ANY($x)', [...q.days]);
    if (legs && q.counterId !== undefined) w.add('counter_id = $x', q.counterId);
    if (legs && q.staff !== undefined) w.add('staff = $x', q.staff);
    if (q.priority !== undefined) w.add('priority = $x', q.priority);
    if (q.origin !== undefined) w.add('origin = $x', q.origin);
    return w;
  }
}

/** Conditions joined by AND, each `$x` numbered in order as its parameter. */
class Where {
  constructor(
    private readonly conditions: string[],
    readonly params: unknown[],
  ) {}

  add(condition: string, param: unknown): void {
    this.conditions.push(condition);
    this.params.push(param);
  }

  sql(): string {
    let n = 0;
    return this.conditions.join(' AND ').replace(/\$x/g, () => `$${++n}`);
  }
}

const DATA_TABLES = [
  'report_ikm_days',
  'report_hall_leg_days',
  'report_hall_visit_days',
  'report_visits',
  'report_transactions',
  'report_sessions',
  'report_leg_stats',
  'report_visit_stats',
  'report_slot_stats',
  'report_days',
];

type Cols = ReadonlyArray<readonly [string, string, string]>;

/** [column, row field, PostgreSQL array type for unnest]. */
const VISIT_COLS = [
  ['day', 'day', 'int'],
  ['ticket_id', 'ticketId', 'text'],
  ['display_number', 'displayNumber', 'text'],
  ['service_id', 'serviceId', 'text'],
  ['agency_id', 'agencyId', 'text'],
  ['priority', 'priority', 'text'],
  ['origin', 'origin', 'text'],
  ['issued_at', 'issuedAt', 'bigint'],
  ['weekday', 'weekday', 'int'],
  ['issued_minute', 'issuedMinute', 'int'],
  ['first_called_at', 'firstCalledAt', 'bigint'],
  ['ended_at', 'endedAt', 'bigint'],
  ['outcome', 'outcome', 'text'],
  ['wait_s', 'waitS', 'int'],
  ['hall_s', 'hallS', 'int'],
  ['legs', 'legs', 'int'],
  ['served_legs', 'servedLegs', 'int'],
  ['planned_legs', 'plannedLegs', 'int'],
  ['transfers', 'transfers', 'int'],
  ['recalls', 'recalls', 'int'],
  ['done_in_one', 'doneInOne', 'boolean'],
] as const satisfies Cols;

const LEG_COLS = [
  ['day', 'day', 'int'],
  ['ticket_id', 'ticketId', 'text'],
  ['leg', 'leg', 'int'],
  ['service_id', 'serviceId', 'text'],
  ['agency_id', 'agencyId', 'text'],
  ['priority', 'priority', 'text'],
  ['origin', 'origin', 'text'],
  ['counter_id', 'counterId', 'text'],
  ['staff', 'staff', 'text'],
  ['queued_at', 'queuedAt', 'bigint'],
  ['called_at', 'calledAt', 'bigint'],
  ['last_called_at', 'lastCalledAt', 'bigint'],
  ['started_at', 'startedAt', 'bigint'],
  ['ended_at', 'endedAt', 'bigint'],
  ['outcome', 'outcome', 'text'],
  ['state', 'state', 'text'],
  ['wait_s', 'waitS', 'int'],
  ['walk_s', 'walkS', 'int'],
  ['service_s', 'serviceS', 'int'],
  ['busy_s', 'busyS', 'int'],
  ['calls', 'calls', 'int'],
  ['recalls', 'recalls', 'int'],
  ['target_s', 'targetS', 'int'],
  ['queued_minute', 'queuedMinute', 'int'],
  ['left_minute', 'leftMinute', 'int'],
] as const satisfies Cols;

const SESSION_COLS = [
  ['day', 'day', 'int'],
  ['counter_id', 'counterId', 'text'],
  ['seq', 'seq', 'int'],
  ['status', 'status', 'text'],
  ['staff', 'staff', 'text'],
  ['started_at', 'startedAt', 'bigint'],
  ['ended_at', 'endedAt', 'bigint'],
] as const satisfies Cols;

const LEG_STAT_COLS = [
  ['dim', 'dim', 'text'],
  ['value', 'value', 'text'],
  ['day', 'day', 'int'],
  ['service_id', 'serviceId', 'text'],
  ['legs', 'legs', 'int'],
  ['served', 'served', 'int'],
  ['no_show', 'noShow', 'int'],
  ['transferred', 'transferred', 'int'],
  ['cancelled', 'cancelled', 'int'],
  ['expired', 'expired', 'int'],
  ['wait_n', 'waitN', 'int'],
  ['wait_sum', 'waitSum', 'bigint'],
  ['wait_max', 'waitMax', 'int'],
  ['wait_over', 'waitOver', 'int'],
  ['service_n', 'serviceN', 'int'],
  ['service_sum', 'serviceSum', 'bigint'],
  ['service_max', 'serviceMax', 'int'],
  ['service_over', 'serviceOver', 'int'],
  ['walk_n', 'walkN', 'int'],
  ['walk_sum', 'walkSum', 'bigint'],
  ['busy_sum', 'busySum', 'bigint'],
  ['recalls', 'recalls', 'int'],
  ['wait_hist', 'waitHist', 'bytea'],
  ['service_hist', 'serviceHist', 'bytea'],
] as const satisfies Cols;

const VISIT_STAT_COLS = [
  ['dim', 'dim', 'text'],
  ['value', 'value', 'text'],
  ['day', 'day', 'int'],
  ['service_id', 'serviceId', 'text'],
  ['visits', 'visits', 'int'],
  ['served', 'served', 'int'],
  ['no_show', 'noShow', 'int'],
  ['cancelled', 'cancelled', 'int'],
  ['expired', 'expired', 'int'],
  ['wait_n', 'waitN', 'int'],
  ['wait_sum', 'waitSum', 'bigint'],
  ['hall_n', 'hallN', 'int'],
  ['hall_sum', 'hallSum', 'bigint'],
  ['hall_max', 'hallMax', 'int'],
  ['multi_leg', 'multiLeg', 'int'],
  ['multi_leg_done', 'multiLegDone', 'int'],
  ['done_in_one', 'doneInOne', 'int'],
  ['planned', 'planned', 'int'],
  ['planned_done', 'plannedDone', 'int'],
  ['transfers', 'transfers', 'int'],
  ['recalls', 'recalls', 'int'],
  ['hall_hist', 'hallHist', 'bytea'],
] as const satisfies Cols;

/** The hall totals' columns: the statistics' less what a whole hall has no use for. */
const PER_HALL = new Set(['dim', 'value', 'service_id']);
const HALL_LEG_COLS = LEG_STAT_COLS.filter(([c]) => !PER_HALL.has(c));
const HALL_VISIT_COLS = VISIT_STAT_COLS.filter(([c]) => !PER_HALL.has(c));

const SLOT_STAT_COLS = [
  ['day', 'day', 'int'],
  ['service_id', 'serviceId', 'text'],
  ['slot', 'slot', 'int'],
  ['arrivals', 'arrivals', 'int'],
  ['arrival_wait_n', 'arrivalWaitN', 'int'],
  ['arrival_wait_sum', 'arrivalWaitSum', 'bigint'],
  ['queue_in', 'queueIn', 'int'],
  ['queue_out', 'queueOut', 'int'],
] as const satisfies Cols;

/** One INSERT of many rows: each column as an array, unnested. */
function unnestInsert(table: string, cols: Cols): string {
  const names = cols.map(([c]) => c).join(', ');
  const arrays = cols.map(([, , type], i) => `$${i + 2}::${type}[]`).join(', ');
  return `INSERT INTO ${table} (hall_id, ${names}) SELECT $1, * FROM unnest(${arrays})`;
}

function columnsOf(rows: readonly unknown[][], n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => rows.map((r) => r[i] ?? null));
}

async function insertRows(db: pg.PoolClient, table: string, hallId: string, cols: Cols, rows: unknown[][]) {
  if (rows.length === 0) return;
  await db.query(unnestInsert(table, cols), [hallId, ...columnsOf(rows, cols.length)]);
}

async function upsertRows(
  db: pg.PoolClient,
  table: string,
  hallId: string,
  cols: Cols,
  key: readonly string[],
  rows: unknown[][],
) {
  if (rows.length === 0) return;
  // One statement may not touch a row twice: the last version of a key wins, as it would row by row.
  const keyAt = key.map((k) => cols.findIndex(([c]) => c === k));
  const latest = new Map<string, unknown[]>();
  for (const r of rows) latest.set(JSON.stringify(keyAt.map((i) => r[i])), r);
  rows = [...latest.values()];
  const updates = cols
    .filter(([c]) => !key.includes(c))
    .map(([c]) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  await db.query(
    `${unnestInsert(table, cols)} ON CONFLICT (hall_id, ${key.join(', ')}) DO UPDATE SET ${updates}`,
    [hallId, ...columnsOf(rows, cols.length)],
  );
}

function visitValues(v: VisitRow): unknown[] {
  return VISIT_COLS.map(([, js]) => v[js]);
}

function legStatValues(s: LegStat, cols: Readonly<typeof HALL_LEG_COLS> = LEG_STAT_COLS): unknown[] {
  return cols.map(([, js]) =>
    js === 'waitHist' || js === 'serviceHist' ? Buffer.from(encodeHistogram(s[js])) : s[js],
  );
}

function visitStatValues(s: VisitStat, cols: Readonly<typeof HALL_VISIT_COLS> = VISIT_STAT_COLS): unknown[] {
  return cols.map(([, js]) => (js === 'hallHist' ? Buffer.from(encodeHistogram(s.hallHist)) : s[js]));
}

type DbRow = Record<string, unknown>;

function fromRow(row: DbRow, cols: Cols): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [db, js] of cols) out[js] = row[db];
  return out;
}

/** A `report_visits` row as the reports' `VisitRow`. */
export function toVisit(row: DbRow): VisitRow {
  return fromRow(row, VISIT_COLS) as unknown as VisitRow;
}

/** A `report_transactions` row as the reports' `LegRow`. */
export function toLeg(row: DbRow): LegRow {
  return fromRow(row, LEG_COLS) as unknown as LegRow;
}

function toSession(row: DbRow): CounterSessionRow {
  return fromRow(row, SESSION_COLS) as unknown as CounterSessionRow;
}

function hist(bytes: unknown): Uint32Array {
  const h = emptyHistogram();
  addEncoded(h, bytes as Uint8Array | null);
  return h;
}

function toLegStat(row: DbRow): LegStat {
  const s = fromRow(row, LEG_STAT_COLS);
  return {
    ...s,
    waitHist: hist(row['wait_hist']),
    serviceHist: hist(row['service_hist']),
  } as unknown as LegStat;
}

function toVisitStat(row: DbRow): VisitStat {
  const s = fromRow(row, VISIT_STAT_COLS);
  return { ...s, hallHist: hist(row['hall_hist']) } as unknown as VisitStat;
}
