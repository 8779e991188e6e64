import type pg from 'pg';
import type { HallConfig } from '@antre/shared';
import { publishedIkm } from '@antre/shared';
import type { Cell, Period, RawColumn } from '@antre/reporting';
import { LEG_COLUMNS_RAW, VISIT_COLUMNS, csvLine, periodRange } from '@antre/reporting';
import type { HallLog } from '../ingest/log-ingest.js';
import { toLeg, toVisit } from '../projection/pg-report-store.js';
import type { HallDayLine } from './hall-days.js';
import { hallDays } from './hall-days.js';

export const CENTRAL_EXPORTS = ['halls', 'visits', 'transactions'] as const;
export type CentralExportKind = (typeof CENTRAL_EXPORTS)[number];

/** Where the CSV goes: an HTTP response (or any writable stream), written with its back-pressure. */
export interface CsvOut {
  write(chunk: string): boolean;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  readonly destroyed: boolean;
}

/** Rows fetched from the cursor at a time (by default): what the export holds in memory, whatever the period. */
const FETCH_ROWS = 2000;

/**
 * Writes a cross-hall export of a period as CSV (UTF-8 with a byte-order mark, CRLF, Indonesian headers: the
 * hub's raw exports with the hall first), never holding more than a fetch of rows:
 * - `visits`, `transactions`: the raw rows of every hall named, read through one server-side cursor in
 *   (hall, day, ticket) order — the reporting tables' primary key — and written as they come;
 * - `halls`: the cross-hall report, one line per hall and day with the overview's figures, a hall at a time.
 * A reader that goes away stops the export (the cursor is closed with its transaction). Returns the lines.
 */
export async function streamCentralCsv(
  pool: pg.Pool,
  kind: CentralExportKind,
  logs: readonly HallLog[],
  period: Period,
  now: number,
  out: CsvOut,
  options: { fetchRows?: number } = {},
): Promise<number> {
  const configs = new Map(logs.map((l) => [l.hallId, JSON.parse(l.config) as HallConfig]));
  if (kind === 'halls') {
    await send(out, `\uFEFF${csvLine(HALL_DAY_COLUMNS.map((c) => c.label))}`);
    let n = 0;
    for (const log of logs) {
      if (out.destroyed) break;
      const name = configs.get(log.hallId)?.hall.name ?? log.hallId;
      const lines = await hallDays(pool, log, period, now);
      await send(out, lines.map((l) => csvLine(HALL_DAY_COLUMNS.map((c) => c.value(l, name)))).join(''));
      n += lines.length;
    }
    return n;
  }
  const { table, order, columns, toRow } =
    kind === 'visits'
      ? { table: 'report_visits', order: 'ticket_id', columns: VISIT_COLUMNS, toRow: toVisit }
      : { table: 'report_transactions', order: 'ticket_id, leg', columns: LEG_COLUMNS_RAW, toRow: toLeg };
  const cols = columns as ReadonlyArray<RawColumn<unknown>>;
  await send(out, `\uFEFF${csvLine(['Kode MPP', ...cols.map((c) => c.label.id)])}`);
  const range = periodRange(period);
  return eachRowBatch(
    pool,
    `SELECT * FROM ${table} WHERE hall_id = ANY($1) AND day BETWEEN $2 AND $3 ORDER BY hall_id, day, ${order}`,
    [logs.map((l) => l.hallId), range.from, range.to],
    options.fetchRows ?? FETCH_ROWS,
    async (rows) => {
      let chunk = '';
      for (const r of rows) {
        const hallId = String(r['hall_id']);
        const config = configs.get(hallId);
        if (config === undefined) continue;
        const row = toRow(r);
        chunk += csvLine([hallId, ...cols.map((c) => c.value(row, config))]);
      }
      await send(out, chunk);
      return !out.destroyed;
    },
  );
}

/**
 * Runs `sql` as a server-side cursor in a read-only transaction (one snapshot for the whole export) and hands
 * its rows on `fetchRows` at a time; `each` answers false to stop. Returns the rows handed on.
 */
async function eachRowBatch(
  pool: pg.Pool,
  sql: string,
  params: unknown[],
  fetchRows: number,
  each: (rows: Array<Record<string, unknown>>) => Promise<boolean>,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`DECLARE central_export NO SCROLL CURSOR FOR ${sql}`, params);
    let n = 0;
    for (;;) {
      const r = await client.query<Record<string, unknown>>(`FETCH ${fetchRows} FROM central_export`);
      if (r.rows.length === 0) break;
      n += r.rows.length;
      if (!(await each(r.rows))) break;
    }
    await client.query('COMMIT');
    return n;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Writes a chunk; waits while the reader is behind (or until it has gone). */
async function send(out: CsvOut, chunk: string): Promise<void> {
  if (chunk === '' || out.destroyed) return;
  if (out.write(chunk)) return;
  await new Promise<void>((resolve) => {
    out.once('drain', resolve);
    out.once('close', resolve);
  });
}

interface HallDayColumn {
  label: string;
  value: (line: HallDayLine, name: string) => Cell;
}

const HALL_DAY_COLUMNS: HallDayColumn[] = [
  { label: 'Kode MPP', value: (l) => l.hallId },
  { label: 'MPP', value: (_, name) => name },
  { label: 'Tanggal', value: (l) => l.day },
  { label: 'Kunjungan', value: (l) => l.visits },
  { label: 'Dilayani', value: (l) => l.served },
  { label: 'Rata-rata tunggu (menit)', value: (l) => l.waitMeanMin },
  { label: 'Tunggu P90 (menit)', value: (l) => l.waitP90Min },
  { label: 'Tunggu sesuai target (%)', value: (l) => l.waitTargetMetPct },
  { label: 'Rata-rata di gedung (menit)', value: (l) => l.hallMeanMin },
  { label: 'IKM', value: (l) => (l.ikm === null ? null : publishedIkm(l.ikm)) },
  { label: 'Responden IKM', value: (l) => l.ikmRespondents },
];
