import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
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
import {
  LEG_DIMENSIONS,
  VISIT_DIMENSIONS,
  addEncoded,
  encodeHistogram,
  emptyHistogram,
} from '@antre/reporting';

/**
 * The hall's reporting tables in SQLite: the one place their SQL lives. A file of its own beside the event log
 * (`reports.sqlite`): it is derived data, rebuilt from the log whenever it is missing, from another log or of
 * an older layout, so it is written without fsync (`synchronous = OFF`) and adds no disk flush to issuing a
 * ticket; and a year of history in it never enters the log's file or its page cache.
 */
export class SqliteReportStore implements ProjectionStore, ReportStore {
  readonly db: Database.Database;
  private readonly stmts: ReturnType<typeof prepare>;

  /**
   * `write`: the projection's connection, which makes the file anew when it is missing or of another layout.
   * `read`: a reader's, on a file a writer has opened already (the hub's, while its projection thread writes).
   */
  constructor(
    readonly file: string,
    mode: 'write' | 'read' = 'write',
  ) {
    this.db = mode === 'write' ? openFresh(file) : openForReading(file);
    registerHistogramSum(this.db);
    this.stmts = prepare(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- ProjectionStore

  position(): Promise<{ seq: number; logId: string | null }> {
    const seq = this.meta('last_seq');
    return Promise.resolve({ seq: seq === undefined ? 0 : Number(seq), logId: this.meta('log_id') ?? null });
  }

  reset(logId: string): Promise<void> {
    this.db.transaction(() => {
      for (const t of DATA_TABLES) this.db.exec(`DELETE FROM ${t}`);
      this.setMeta('log_id', logId);
      this.setMeta('last_seq', '0');
    })();
    return Promise.resolve();
  }

  openRows(): Promise<{ visits: VisitRow[]; legs: LegRow[]; sessions: CounterSessionRow[] }> {
    const visits = this.stmts.openVisits.all().map(toVisit);
    const legs = this.stmts.openLegs.all().map(toLeg);
    const sessions = this.stmts.openSessions.all().map(toSession);
    return Promise.resolve({ visits, legs, sessions });
  }

  write(changes: RowChanges, rollups: ReadonlyMap<number, DayRollup>, seq: number): Promise<void> {
    const s = this.stmts;
    this.db.transaction(() => {
      let lastDay = -1;
      for (const v of changes.visits) {
        s.upsertVisit.run(visitParams(v));
        if (v.day !== lastDay) {
          s.noteDay.run(v.day);
          lastDay = v.day;
        }
      }
      for (const l of changes.legs) s.upsertLeg.run(legParams(l));
      for (const x of changes.sessions) s.upsertSession.run(sessionParams(x));
      for (const [day, r] of rollups) {
        s.deleteLegStats.run(day);
        s.deleteVisitStats.run(day);
        s.deleteSlotStats.run(day);
        for (const x of r.legStats) s.insertLegStat.run(legStatParams(x));
        for (const x of r.visitStats) s.insertVisitStat.run(visitStatParams(x));
        for (const x of r.slotStats) s.insertSlotStat.run(x);
        s.deleteSlotTotals.run(day);
        s.insertSlotTotals.run(day);
        s.markRolled.run(day);
      }
      this.setMeta('last_seq', String(seq));
    })();
    return Promise.resolve();
  }

  dayRows(day: number): Promise<{ visits: VisitRow[]; legs: LegRow[] }> {
    return Promise.resolve({
      visits: this.stmts.dayVisits.all(day).map(toVisit),
      legs: this.stmts.dayLegs.all(day).map(toLeg),
    });
  }

  closedUnrolledDays(before: number): Promise<number[]> {
    return Promise.resolve(this.stmts.closedUnrolled.pluck().all(before) as number[]);
  }

  latestDay(): Promise<number> {
    return Promise.resolve((this.stmts.latestDay.pluck().get() as number | null) ?? 0);
  }

  // ---- ReportStore

  unrolledDays(range: DayRange): Promise<number[]> {
    return Promise.resolve(this.stmts.unrolled.pluck().all(range.from, range.to) as number[]);
  }

  legStats(q: LegStatQuery): Promise<LegStat[]> {
    const where = ['dim = @dim', 'day BETWEEN @from AND @to'];
    const params: Record<string, unknown> = { dim: q.dim, from: q.from, to: q.to };
    if (q.value !== undefined) {
      where.push('value = @value');
      params['value'] = q.value;
    }
    const { select, groupBy } = summed(LEG_STAT_COLUMNS, q);
    const sql = `SELECT ${select} FROM leg_stats WHERE ${where.join(' AND ')}${inServices(q, params)}${groupBy}`;
    return Promise.resolve((this.db.prepare(sql).all(params) as StatRow[]).map(toLegStat));
  }

  visitStats(q: VisitStatQuery): Promise<VisitStat[]> {
    const where = ['dim = @dim', 'day BETWEEN @from AND @to'];
    const params: Record<string, unknown> = { dim: q.dim, from: q.from, to: q.to };
    if (q.value !== undefined) {
      where.push('value = @value');
      params['value'] = q.value;
    }
    const { select, groupBy } = summed(VISIT_STAT_COLUMNS, q);
    const sql = `SELECT ${select} FROM visit_stats WHERE ${where.join(' AND ')}${inServices(q, params)}${groupBy}`;
    return Promise.resolve((this.db.prepare(sql).all(params) as StatRow[]).map(toVisitStat));
  }

  slotStats(q: StatQuery): Promise<SlotStat[]> {
    const params: Record<string, unknown> = { from: q.from, to: q.to };
    // All services added up: the day's totals, kept beside the per-service rows (a year has ~30,000 of them).
    const sql =
      q.sumServices === true && q.serviceIds === undefined
        ? `SELECT day, '' AS serviceId, slot, arrivals, arrival_wait_n AS arrivalWaitN,
      arrival_wait_sum AS arrivalWaitSum, queue_in AS queueIn, queue_out AS queueOut
      FROM slot_totals WHERE day BETWEEN @from AND @to`
        : q.sumServices === true
          ? `SELECT day, '' AS serviceId, slot, SUM(arrivals) AS arrivals, SUM(arrival_wait_n) AS arrivalWaitN,
      SUM(arrival_wait_sum) AS arrivalWaitSum, SUM(queue_in) AS queueIn, SUM(queue_out) AS queueOut
      FROM slot_stats WHERE day BETWEEN @from AND @to${inServices(q, params)} GROUP BY day, slot`
          : `SELECT day, service_id AS serviceId, slot, arrivals, arrival_wait_n AS arrivalWaitN,
      arrival_wait_sum AS arrivalWaitSum, queue_in AS queueIn, queue_out AS queueOut
      FROM slot_stats WHERE day BETWEEN @from AND @to${inServices(q, params)}`;
    return Promise.resolve(this.db.prepare(sql).all(params) as SlotStat[]);
  }

  legs(q: RowQuery & { days?: readonly number[] }): Promise<LegRow[]> {
    const { sql, params } = rowSelect('visit_transactions', q, true);
    return Promise.resolve(
      (this.db.prepare(`${sql} ORDER BY day, ticket_id, leg`).all(params) as DbRow[]).map(toLeg),
    );
  }

  visits(q: RowQuery & { days?: readonly number[] }): Promise<VisitRow[]> {
    const { sql, params } = rowSelect('visits', q, false);
    return Promise.resolve(
      (this.db.prepare(`${sql} ORDER BY day, ticket_id`).all(params) as DbRow[]).map(toVisit),
    );
  }

  sessions(
    q: DayRange & { counterId?: string | undefined; staff?: string | undefined },
  ): Promise<CounterSessionRow[]> {
    const where = ['day BETWEEN @from AND @to'];
    const params: Record<string, unknown> = { from: q.from, to: q.to };
    if (q.counterId !== undefined) {
      where.push('counter_id = @counterId');
      params['counterId'] = q.counterId;
    }
    if (q.staff !== undefined) {
      where.push('staff = @staff');
      params['staff'] = q.staff;
    }
    const sql = `SELECT * FROM counter_sessions WHERE ${where.join(' AND ')} ORDER BY day, counter_id, seq`;
    return Promise.resolve((this.db.prepare(sql).all(params) as DbRow[]).map(toSession));
  }

  eachLeg(q: RowQuery, each: (row: LegRow) => void): Promise<number> {
    const { sql, params } = rowSelect('visit_transactions', q, true);
    let n = 0;
    for (const row of this.db
      .prepare(`${sql} ORDER BY day, ticket_id, leg`)
      .iterate(params) as Iterable<DbRow>) {
      each(toLeg(row));
      n++;
    }
    return Promise.resolve(n);
  }

  eachVisit(q: RowQuery, each: (row: VisitRow) => void): Promise<number> {
    const { sql, params } = rowSelect('visits', q, false);
    let n = 0;
    for (const row of this.db.prepare(`${sql} ORDER BY day, ticket_id`).iterate(params) as Iterable<DbRow>) {
      each(toVisit(row));
      n++;
    }
    return Promise.resolve(n);
  }

  private meta(key: string): string | undefined {
    return (this.stmts.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  private setMeta(key: string, value: string): void {
    this.stmts.setMeta.run(key, value);
  }
}

/** Bump when the tables or what the projection puts in them change: the file is then rebuilt from the log. */
export const REPORT_SCHEMA_VERSION = 3;

const DATA_TABLES = [
  'visits',
  'visit_transactions',
  'counter_sessions',
  'leg_stats',
  'visit_stats',
  'slot_stats',
  'days',
  'slot_totals',
];

/** The stat tables' value columns (after dim, value, day, service_id), and how each adds up over days. */
const LEG_STAT_COLUMNS = [
  'legs',
  'served',
  'no_show',
  'transferred',
  'cancelled',
  'expired',
  'wait_n',
  'wait_sum',
  'wait_max',
  'wait_over',
  'service_n',
  'service_sum',
  'service_max',
  'service_over',
  'walk_n',
  'walk_sum',
  'busy_sum',
  'recalls',
  'wait_hist',
  'service_hist',
];
const VISIT_STAT_COLUMNS = [
  'visits',
  'served',
  'no_show',
  'cancelled',
  'expired',
  'wait_n',
  'wait_sum',
  'hall_n',
  'hall_sum',
  'hall_max',
  'multi_leg',
  'multi_leg_done',
  'done_in_one',
  'planned',
  'planned_done',
  'transfers',
  'recalls',
  'hall_hist',
];

/** A stat row's insert: its keys and value columns, each bound from the row's camelCase field. */
function insertStat(table: string, columns: readonly string[]): string {
  const all = ['dim', 'value', 'day', 'service_id', ...columns];
  const param = (c: string) => `@${c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase())}`;
  return `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(param).join(', ')})`;
}

/**
 * Stat rows added up as the query allows (over its days, its services, or both), as `sumLegs`/`sumVisits`
 * would: counts summed, maxima kept, histograms added; all columns as they are otherwise.
 */
function summed(columns: readonly string[], q: StatQuery): { select: string; groupBy: string } {
  const days = q.sumDays === true;
  const services = q.sumServices === true;
  if (!days && !services) return { select: '*', groupBy: '' };
  const value = (c: string) =>
    c.endsWith('_hist') ? `histogram_sum(${c})` : c.endsWith('_max') ? `MAX(${c})` : `SUM(${c})`;
  const keys = ['dim', 'value', ...(days ? [] : ['day']), ...(services ? [] : ['service_id'])];
  const select = [
    'dim',
    'value',
    days ? 'MIN(day) AS day' : 'day',
    services ? "'' AS service_id" : 'service_id',
    ...columns.map((c) => `${value(c)} AS ${c}`),
  ].join(', ');
  return { select, groupBy: ` GROUP BY ${keys.join(', ')}` };
}

/** `histogram_sum(blob)`: the encoded histograms of the group added up, encoded the same way. */
function registerHistogramSum(db: Database.Database): void {
  db.aggregate('histogram_sum', {
    start: () => emptyHistogram(),
    step: (total: Uint32Array, bytes: unknown) => {
      addEncoded(total, bytes as Uint8Array | null);
      return total;
    },
    result: (total: Uint32Array) => encodeHistogram(total),
  });
}

const STAT_COLUMNS = `legs INTEGER NOT NULL, served INTEGER NOT NULL, no_show INTEGER NOT NULL,
  transferred INTEGER NOT NULL, cancelled INTEGER NOT NULL, expired INTEGER NOT NULL,
  wait_n INTEGER NOT NULL, wait_sum INTEGER NOT NULL, wait_max INTEGER NOT NULL, wait_over INTEGER NOT NULL,
  service_n INTEGER NOT NULL, service_sum INTEGER NOT NULL, service_max INTEGER NOT NULL, service_over INTEGER NOT NULL,
  walk_n INTEGER NOT NULL, walk_sum INTEGER NOT NULL, busy_sum INTEGER NOT NULL, recalls INTEGER NOT NULL,
  wait_hist BLOB NOT NULL, service_hist BLOB NOT NULL`;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE visits (
  day INTEGER NOT NULL, ticket_id TEXT NOT NULL, display_number TEXT NOT NULL, service_id TEXT NOT NULL,
  agency_id TEXT NOT NULL, priority TEXT NOT NULL, origin TEXT NOT NULL, issued_at INTEGER NOT NULL,
  weekday INTEGER NOT NULL, issued_minute INTEGER NOT NULL, first_called_at INTEGER, ended_at INTEGER,
  outcome TEXT, wait_s INTEGER, hall_s INTEGER, legs INTEGER NOT NULL, served_legs INTEGER NOT NULL,
  planned_legs INTEGER, transfers INTEGER NOT NULL, recalls INTEGER NOT NULL, done_in_one INTEGER,
  PRIMARY KEY (day, ticket_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE visit_transactions (
  day INTEGER NOT NULL, ticket_id TEXT NOT NULL, leg INTEGER NOT NULL, service_id TEXT NOT NULL,
  agency_id TEXT NOT NULL, priority TEXT NOT NULL, origin TEXT NOT NULL, counter_id TEXT, staff TEXT,
  queued_at INTEGER NOT NULL, called_at INTEGER, last_called_at INTEGER, started_at INTEGER, ended_at INTEGER,
  outcome TEXT, state TEXT NOT NULL, wait_s INTEGER, walk_s INTEGER, service_s INTEGER, busy_s INTEGER NOT NULL,
  calls INTEGER NOT NULL, recalls INTEGER NOT NULL, target_s INTEGER NOT NULL, queued_minute INTEGER NOT NULL,
  left_minute INTEGER,
  PRIMARY KEY (day, ticket_id, leg)
) STRICT, WITHOUT ROWID;
CREATE TABLE counter_sessions (
  day INTEGER NOT NULL, counter_id TEXT NOT NULL, seq INTEGER NOT NULL, status TEXT NOT NULL, staff TEXT,
  started_at INTEGER NOT NULL, ended_at INTEGER,
  PRIMARY KEY (day, counter_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX counter_sessions_open ON counter_sessions (counter_id) WHERE ended_at IS NULL;
CREATE TABLE days (day INTEGER PRIMARY KEY, rolled INTEGER NOT NULL) STRICT;
CREATE TABLE leg_stats (
  dim TEXT NOT NULL, value TEXT NOT NULL, day INTEGER NOT NULL, service_id TEXT NOT NULL, ${STAT_COLUMNS},
  PRIMARY KEY (dim, day, value, service_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE visit_stats (
  dim TEXT NOT NULL, value TEXT NOT NULL, day INTEGER NOT NULL, service_id TEXT NOT NULL,
  visits INTEGER NOT NULL, served INTEGER NOT NULL, no_show INTEGER NOT NULL, cancelled INTEGER NOT NULL,
  expired INTEGER NOT NULL, wait_n INTEGER NOT NULL, wait_sum INTEGER NOT NULL, hall_n INTEGER NOT NULL,
  hall_sum INTEGER NOT NULL, hall_max INTEGER NOT NULL, multi_leg INTEGER NOT NULL, multi_leg_done INTEGER NOT NULL,
  done_in_one INTEGER NOT NULL, planned INTEGER NOT NULL, planned_done INTEGER NOT NULL, transfers INTEGER NOT NULL,
  recalls INTEGER NOT NULL, hall_hist BLOB NOT NULL,
  PRIMARY KEY (dim, day, value, service_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE slot_stats (
  day INTEGER NOT NULL, service_id TEXT NOT NULL, slot INTEGER NOT NULL, arrivals INTEGER NOT NULL,
  arrival_wait_n INTEGER NOT NULL, arrival_wait_sum INTEGER NOT NULL, queue_in INTEGER NOT NULL,
  queue_out INTEGER NOT NULL,
  PRIMARY KEY (day, service_id, slot)
) STRICT, WITHOUT ROWID;
CREATE TABLE slot_totals (
  day INTEGER NOT NULL, slot INTEGER NOT NULL, arrivals INTEGER NOT NULL, arrival_wait_n INTEGER NOT NULL,
  arrival_wait_sum INTEGER NOT NULL, queue_in INTEGER NOT NULL, queue_out INTEGER NOT NULL,
  PRIMARY KEY (day, slot)
) STRICT, WITHOUT ROWID;
`;

/** Opens the file, or makes it anew when it is of another layout: it is rebuilt from the log either way. */
function openFresh(file: string): Database.Database {
  const open = () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // Derived data: a crash loses at most the last writes, which the projection reads again from the log.
    db.pragma('synchronous = OFF');
    return db;
  };
  let db = open();
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== REPORT_SCHEMA_VERSION) {
    if (version !== 0) {
      db.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
      db = open();
    }
    db.transaction(() => {
      db.exec(SCHEMA);
      db.pragma(`user_version = ${REPORT_SCHEMA_VERSION}`);
    })();
  }
  return db;
}

/** A reader's connection: the file as its writer made it, never written through this one. */
function openForReading(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('query_only = ON');
  return db;
}

type DbRow = Record<string, unknown>;
type StatRow = Record<string, unknown>;

const VISIT_COLS = [
  ['day', 'day'],
  ['ticket_id', 'ticketId'],
  ['display_number', 'displayNumber'],
  ['service_id', 'serviceId'],
  ['agency_id', 'agencyId'],
  ['priority', 'priority'],
  ['origin', 'origin'],
  ['issued_at', 'issuedAt'],
  ['weekday', 'weekday'],
  ['issued_minute', 'issuedMinute'],
  ['first_called_at', 'firstCalledAt'],
  ['ended_at', 'endedAt'],
  ['outcome', 'outcome'],
  ['wait_s', 'waitS'],
  ['hall_s', 'hallS'],
  ['legs', 'legs'],
  ['served_legs', 'servedLegs'],
  ['planned_legs', 'plannedLegs'],
  ['transfers', 'transfers'],
  ['recalls', 'recalls'],
  ['done_in_one', 'doneInOne'],
] as const;

const LEG_COLS = [
  ['day', 'day'],
  ['ticket_id', 'ticketId'],
  ['leg', 'leg'],
  ['service_id', 'serviceId'],
  ['agency_id', 'agencyId'],
  ['priority', 'priority'],
  ['origin', 'origin'],
  ['counter_id', 'counterId'],
  ['staff', 'staff'],
  ['queued_at', 'queuedAt'],
  ['called_at', 'calledAt'],
  ['last_called_at', 'lastCalledAt'],
  ['started_at', 'startedAt'],
  ['ended_at', 'endedAt'],
  ['outcome', 'outcome'],
  ['state', 'state'],
  ['wait_s', 'waitS'],
  ['walk_s', 'walkS'],
  ['service_s', 'serviceS'],
  ['busy_s', 'busyS'],
  ['calls', 'calls'],
  ['recalls', 'recalls'],
  ['target_s', 'targetS'],
  ['queued_minute', 'queuedMinute'],
  ['left_minute', 'leftMinute'],
] as const;

// Positional parameters, in the columns' order: binding by name costs a lookup per column and row.
const upsert = (table: string, cols: ReadonlyArray<readonly [string, string]>) =>
  `INSERT OR REPLACE INTO ${table} (${cols.map((c) => c[0]).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;

function visitParams(v: VisitRow): unknown[] {
  return [
    v.day,
    v.ticketId,
    v.displayNumber,
    v.serviceId,
    v.agencyId,
    v.priority,
    v.origin,
    v.issuedAt,
    v.weekday,
    v.issuedMinute,
    v.firstCalledAt,
    v.endedAt,
    v.outcome,
    v.waitS,
    v.hallS,
    v.legs,
    v.servedLegs,
    v.plannedLegs,
    v.transfers,
    v.recalls,
    v.doneInOne === null ? null : v.doneInOne ? 1 : 0,
  ];
}

function legParams(l: LegRow): unknown[] {
  return [
    l.day,
    l.ticketId,
    l.leg,
    l.serviceId,
    l.agencyId,
    l.priority,
    l.origin,
    l.counterId,
    l.staff,
    l.queuedAt,
    l.calledAt,
    l.lastCalledAt,
    l.startedAt,
    l.endedAt,
    l.outcome,
    l.state,
    l.waitS,
    l.walkS,
    l.serviceS,
    l.busyS,
    l.calls,
    l.recalls,
    l.targetS,
    l.queuedMinute,
    l.leftMinute,
  ];
}

function sessionParams(s: CounterSessionRow): CounterSessionRow {
  return s;
}

function toVisit(row: DbRow): VisitRow {
  const v: Record<string, unknown> = {};
  for (const [db, js] of VISIT_COLS) v[js] = row[db];
  v['doneInOne'] = row['done_in_one'] === null ? null : row['done_in_one'] === 1;
  return v as unknown as VisitRow;
}

function toLeg(row: DbRow): LegRow {
  const l: Record<string, unknown> = {};
  for (const [db, js] of LEG_COLS) l[js] = row[db];
  return l as unknown as LegRow;
}

function toSession(row: DbRow): CounterSessionRow {
  return {
    day: row['day'] as number,
    counterId: row['counter_id'] as string,
    seq: row['seq'] as number,
    status: row['status'] as CounterSessionRow['status'],
    staff: row['staff'] as string | null,
    startedAt: row['started_at'] as number,
    endedAt: row['ended_at'] as number | null,
  };
}

function legStatParams(s: LegStat): Record<string, unknown> {
  const { waitHist, serviceHist, ...rest } = s;
  return { ...rest, waitHist: encodeHistogram(waitHist), serviceHist: encodeHistogram(serviceHist) };
}

function visitStatParams(s: VisitStat): Record<string, unknown> {
  const { hallHist, ...rest } = s;
  return { ...rest, hallHist: encodeHistogram(hallHist) };
}

function hist(bytes: unknown): Uint32Array {
  const h = emptyHistogram();
  addEncoded(h, bytes as Uint8Array | null);
  return h;
}

function toLegStat(r: StatRow): LegStat {
  const n = (k: string) => r[k] as number;
  return {
    day: n('day'),
    serviceId: r['service_id'] as string,
    dim: r['dim'] as LegStat['dim'],
    value: r['value'] as string,
    legs: n('legs'),
    served: n('served'),
    noShow: n('no_show'),
    transferred: n('transferred'),
    cancelled: n('cancelled'),
    expired: n('expired'),
    waitN: n('wait_n'),
    waitSum: n('wait_sum'),
    waitMax: n('wait_max'),
    waitOver: n('wait_over'),
    serviceN: n('service_n'),
    serviceSum: n('service_sum'),
    serviceMax: n('service_max'),
    serviceOver: n('service_over'),
    walkN: n('walk_n'),
    walkSum: n('walk_sum'),
    busySum: n('busy_sum'),
    recalls: n('recalls'),
    waitHist: hist(r['wait_hist']),
    serviceHist: hist(r['service_hist']),
  };
}

function toVisitStat(r: StatRow): VisitStat {
  const n = (k: string) => r[k] as number;
  return {
    day: n('day'),
    serviceId: r['service_id'] as string,
    dim: r['dim'] as VisitStat['dim'],
    value: r['value'] as string,
    visits: n('visits'),
    served: n('served'),
    noShow: n('no_show'),
    cancelled: n('cancelled'),
    expired: n('expired'),
    waitN: n('wait_n'),
    waitSum: n('wait_sum'),
    hallN: n('hall_n'),
    hallSum: n('hall_sum'),
    hallMax: n('hall_max'),
    multiLeg: n('multi_leg'),
    multiLegDone: n('multi_leg_done'),
    doneInOne: n('done_in_one'),
    planned: n('planned'),
    plannedDone: n('planned_done'),
    transfers: n('transfers'),
    recalls: n('recalls'),
    hallHist: hist(r['hall_hist']),
  };
}

function inServices(q: StatQuery, params: Record<string, unknown>): string {
  if (q.serviceIds === undefined) return '';
  if (q.serviceIds.length === 0) return ' AND 0';
  q.serviceIds.forEach((id, i) => (params[`s${i}`] = id));
  return ` AND service_id IN (${q.serviceIds.map((_, i) => `@s${i}`).join(', ')})`;
}

function rowSelect(
  table: 'visits' | 'visit_transactions',
  q: RowQuery & { days?: readonly number[] },
  legs: boolean,
): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { from: q.from, to: q.to };
  const where = ['day BETWEEN @from AND @to'];
  if (q.days !== undefined) {
    q.days.forEach((d, i) => (params[`d${i}`] = d));
    where.push(q.days.length === 0 ? '0' : `day IN (${q.days.map((_, i) => `@d${i}`).join(', ')})`);
  }
  if (legs && q.counterId !== undefined) {
    where.push('counter_id = @counterId');
    params['counterId'] = q.counterId;
  }
  if (legs && q.staff !== undefined) {
    where.push('staff = @staff');
    params['staff'] = q.staff;
  }
  if (q.priority !== undefined) {
    where.push('priority = @priority');
    params['priority'] = q.priority;
  }
  if (q.origin !== undefined) {
    where.push('origin = @origin');
    params['origin'] = q.origin;
  }
  return { sql: `SELECT * FROM ${table} WHERE ${where.join(' AND ')}${inServices(q, params)}`, params };
}

function prepare(db: Database.Database) {
  return {
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    upsertVisit: db.prepare(upsert('visits', VISIT_COLS)),
    upsertLeg: db.prepare(upsert('visit_transactions', LEG_COLS)),
    upsertSession: db.prepare(
      `INSERT OR REPLACE INTO counter_sessions (day, counter_id, seq, status, staff, started_at, ended_at)
       VALUES (@day, @counterId, @seq, @status, @staff, @startedAt, @endedAt)`,
    ),
    noteDay: db.prepare('INSERT OR IGNORE INTO days (day, rolled) VALUES (?, 0)'),
    markRolled: db.prepare('INSERT OR REPLACE INTO days (day, rolled) VALUES (?, 1)'),
    // Every dimension named, so that the key (dim, day, …) finds the day's rows instead of a scan of all days.
    deleteLegStats: db.prepare(
      `DELETE FROM leg_stats WHERE dim IN (${LEG_DIMENSIONS.map((d) => `'${d}'`).join(', ')}) AND day = ?`,
    ),
    deleteVisitStats: db.prepare(
      `DELETE FROM visit_stats WHERE dim IN (${VISIT_DIMENSIONS.map((d) => `'${d}'`).join(', ')}) AND day = ?`,
    ),
    deleteSlotStats: db.prepare('DELETE FROM slot_stats WHERE day = ?'),
    deleteSlotTotals: db.prepare('DELETE FROM slot_totals WHERE day = ?'),
    // A day's slots over all services, from the rows just written: the same figures, summed once.
    insertSlotTotals: db.prepare(
      `INSERT INTO slot_totals (day, slot, arrivals, arrival_wait_n, arrival_wait_sum, queue_in, queue_out)
       SELECT day, slot, SUM(arrivals), SUM(arrival_wait_n), SUM(arrival_wait_sum), SUM(queue_in), SUM(queue_out)
       FROM slot_stats WHERE day = ? GROUP BY day, slot`,
    ),
    insertLegStat: db.prepare(insertStat('leg_stats', LEG_STAT_COLUMNS)),
    insertVisitStat: db.prepare(insertStat('visit_stats', VISIT_STAT_COLUMNS)),
    insertSlotStat: db.prepare(
      `INSERT INTO slot_stats (day, service_id, slot, arrivals, arrival_wait_n, arrival_wait_sum, queue_in, queue_out)
       VALUES (@day, @serviceId, @slot, @arrivals, @arrivalWaitN, @arrivalWaitSum, @queueIn, @queueOut)`,
    ),
    openVisits: db.prepare(
      `SELECT * FROM visits WHERE day = (SELECT MAX(day) FROM visits) AND (outcome IS NULL OR outcome = 'no_show')`,
    ) as Database.Statement<[], DbRow>,
    openLegs: db.prepare(
      `SELECT t.* FROM visit_transactions t JOIN visits v ON v.day = t.day AND v.ticket_id = t.ticket_id
       WHERE v.day = (SELECT MAX(day) FROM visits) AND (v.outcome IS NULL OR v.outcome = 'no_show')`,
    ) as Database.Statement<[], DbRow>,
    openSessions: db.prepare('SELECT * FROM counter_sessions WHERE ended_at IS NULL') as Database.Statement<
      [],
      DbRow
    >,
    dayVisits: db.prepare('SELECT * FROM visits WHERE day = ?') as Database.Statement<[number], DbRow>,
    dayLegs: db.prepare('SELECT * FROM visit_transactions WHERE day = ?') as Database.Statement<
      [number],
      DbRow
    >,
    closedUnrolled: db.prepare('SELECT day FROM days WHERE rolled = 0 AND day < ? ORDER BY day'),
    unrolled: db.prepare('SELECT day FROM days WHERE rolled = 0 AND day BETWEEN ? AND ? ORDER BY day'),
    latestDay: db.prepare('SELECT MAX(day) FROM days'),
  };
}
