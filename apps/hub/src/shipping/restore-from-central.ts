import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ShippedEvent } from '@antre/shared';
import { REPORTS_FILE } from '../reports/hub-reports.js';
import { EventStore } from '../store/event-store.js';

export interface RestoreOptions {
  centralUrl: string;
  token: string;
  hallId: string;
  dataDir: string;
  /** Events asked per request. */
  pageSize?: number;
}

export interface RestoreResult {
  logId: string;
  lastSeq: number;
  events: number;
}

interface CentralLog {
  logId: string;
  lastSeq: number;
  configSeed: { at: number; config: string } | null;
}

/**
 * Rebuilds a hall's store (its disk died) from the central copy of its log: the same log id, every event with
 * its seq, time, day, actor and payload as the hall logged them, and the config seed. Started on it, the hub
 * has the hall's state up to the last event the centre acknowledged, its clients resync as after any restart
 * (same log id, their cursors still valid), and it goes on shipping from there. Devices pair again and open
 * survey links of the lost store are not restored: neither is in the log.
 */
export async function restoreFromCentral(options: RestoreOptions): Promise<RestoreResult> {
  const file = join(options.dataDir, 'antre.sqlite');
  if (existsSync(file)) {
    throw new Error(`${file} exists: a restore writes a new store only; move the old one away first`);
  }
  const base = `${options.centralUrl.replace(/\/$/, '')}/api/central/v1/halls/${encodeURIComponent(options.hallId)}`;
  const headers = { authorization: `Bearer ${options.token}` };
  const log = (await getJson(`${base}/log`, headers)) as CentralLog;
  mkdirSync(options.dataDir, { recursive: true });
  // The reports are derived from the log: they are rebuilt from the restored one at the hub's start.
  for (const f of [REPORTS_FILE, `${REPORTS_FILE}-wal`, `${REPORTS_FILE}-shm`])
    rmSync(join(options.dataDir, f), { force: true });
  const store = new EventStore(file, 'FULL');
  let written = 0;
  try {
    const db = store.db;
    const insert = db.prepare(
      'INSERT INTO events (seq, at, day, type, command_id, payload, actor) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      db.prepare("UPDATE meta SET value = ? WHERE key = 'log_id'").run(log.logId);
      if (log.configSeed) {
        db.prepare('INSERT INTO config_seed (id, at, config) VALUES (1, ?, ?)').run(
          log.configSeed.at,
          log.configSeed.config,
        );
      }
    })();
    const page = options.pageSize ?? 5000;
    while (written < log.lastSeq) {
      const { events } = (await getJson(
        `${base}/logs/${log.logId}/events?afterSeq=${written}&limit=${page}`,
        headers,
      )) as { events: ShippedEvent[] };
      if (events.length === 0) break;
      db.transaction(() => {
        for (const e of events) {
          if (e.seq !== written + 1) throw new Error(`the central log skips from ${written} to ${e.seq}`);
          insert.run(e.seq, e.at, e.day, e.type, e.commandId, e.payload, e.actor);
          written = e.seq;
        }
      })();
    }
  } catch (err) {
    store.close();
    rmSync(file, { force: true });
    throw err;
  }
  store.close();
  if (written !== log.lastSeq) throw new Error(`restored ${written} events of ${log.lastSeq}`);
  return { logId: log.logId, lastSeq: log.lastSeq, events: written };
}

async function getJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`the centre answered ${res.status} to ${new URL(url).pathname}`);
  return res.json();
}
