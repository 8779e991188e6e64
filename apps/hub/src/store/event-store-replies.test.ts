import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandReply, EventEnvelope } from '@antre/shared';
import { EventStore } from './event-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function store(): EventStore {
  const dir = mkdtempSync(join(tmpdir(), 'antre-replies-'));
  dirs.push(dir);
  return new EventStore(join(dir, 'antre.sqlite'));
}

const DAY = '2026-11-30';
const leased = (seq: number, from: number): EventEnvelope => ({
  seq,
  at: 1000 + seq,
  event: { type: 'NumbersLeased', kioskId: 'kiosk-1', serviceId: 'ktp', from, to: from + 49 },
});

describe('the answers the store keeps for retries', () => {
  it('reads an accepted answer back whole, its events from the log rather than from a second copy', () => {
    const s = store();
    const before = [leased(1, 1)];
    s.commit([{ day: DAY, at: 1001, events: before, actor: 'system' }]);
    const events = [leased(2, 51), leased(3, 101)];
    const reply: CommandReply = { ok: true, seq: 3, events };
    const refusal: CommandReply = { ok: false, error: { code: 'COUNTER_NOT_OPEN', message: 'closed' } };
    s.commit([
      { commandId: 'cmd-1', day: DAY, at: 1003, events, reply },
      { commandId: 'cmd-2', day: DAY, at: 1003, events: [], reply: refusal },
    ]);
    expect(s.findReply('cmd-1')).toEqual(reply);
    expect(s.findReply('cmd-2')).toEqual(refusal);
    const stored = s.db.prepare("SELECT reply FROM command_replies WHERE command_id = 'cmd-1'").get() as {
      reply: string;
    };
    expect(JSON.parse(stored.reply)).toEqual({ ok: true, seq: 3, eventSeqs: [2, 3] });
    s.close();
  });

  it('reads an answer stored with its events (before the log held them for it) as it was', () => {
    const s = store();
    const events = [leased(1, 1)];
    const reply: CommandReply = { ok: true, seq: 1, events };
    s.commit([{ day: DAY, at: 1001, events }]);
    s.db
      .prepare('INSERT INTO command_replies (command_id, at, reply) VALUES (?, ?, ?)')
      .run('old-1', 1001, JSON.stringify(reply));
    expect(s.findReply('old-1')).toEqual(reply);
    s.close();
  });
});
