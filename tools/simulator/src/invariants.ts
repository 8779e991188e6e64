import { FINAL_STATUSES } from '@antre/shared';
import type { DayEvidence } from './evidence.js';
import { stateDigest } from './evidence.js';

export interface InvariantResult {
  name: string;
  ok: boolean;
  /** Counts behind the verdict, and the first few offenders when it fails. */
  detail: string;
}

const FIRST = 5;

function list(items: readonly string[]): string {
  return items.length === 0
    ? ''
    : `: ${items.slice(0, FIRST).join('; ')}${items.length > FIRST ? ` … (${items.length})` : ''}`;
}

/**
 * The promises of the queue, checked at the end of a day against the hub's log, its final state and what
 * every client saw. Each result says what was counted, so a pass is evidence rather than silence.
 */
export function checkInvariants(d: DayEvidence): InvariantResult[] {
  const results: InvariantResult[] = [];
  const add = (name: string, ok: boolean, detail: string) => results.push({ name, ok, detail });

  add(
    'event log has no gaps',
    d.replay.seqGaps.length === 0 && d.events.length === d.hubState.seq,
    `${d.events.length} events, last seq ${d.hubState.seq}${list(d.replay.seqGaps)}`,
  );

  const replayed = stateDigest(d.replay.state);
  add(
    'the log rebuilds the hub state',
    replayed === d.hubDigest,
    replayed === d.hubDigest ? 'replayed state equals the live one' : 'replayed state differs from the hub',
  );

  // Exactly once: every ticket a visitor holds is in the log once; every ticket in the log was issued by a kiosk.
  const handedOut = d.kiosks.flatMap((k) => k.handedOut);
  const held = new Set(handedOut.map((t) => t.ticketId));
  const missing = handedOut
    .filter((t) => (d.replay.issued.get(t.ticketId) ?? 0) === 0)
    .map((t) => `${t.displayNumber} (${t.kioskId}${t.offline ? ', offline' : ''})`);
  const twice = [...d.replay.issued].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
  const dupHeld = handedOut.length - held.size;
  add(
    'every ticket handed out is issued exactly once',
    missing.length === 0 && twice.length === 0 && dupHeld === 0,
    `${handedOut.length} handed out (${handedOut.filter((t) => t.offline).length} offline); missing ${missing.length}, issued twice ${twice.length}, handed out twice ${dupHeld}${list([...missing, ...twice])}`,
  );

  const ghosts: string[] = [];
  const phantoms: string[] = [];
  for (const id of d.replay.issued.keys()) {
    if (held.has(id)) continue;
    // The hub answered after the kiosk had stopped waiting: the kiosk kept it and reported it to staff.
    if (d.kiosks.some((k) => k.stored(id) !== undefined)) ghosts.push(id);
    else phantoms.push(id);
  }
  add(
    'no ticket exists that no kiosk issued',
    phantoms.length === 0,
    `${d.replay.issued.size} tickets in the log; ${ghosts.length} issued after the kiosk stopped waiting (kept by the kiosk, never handed out); ${phantoms.length} unknown to every kiosk${list(phantoms)}`,
  );

  const unsynced = d.kiosks.reduce((n, k) => n + k.unsynced, 0);
  const rejected = handedOut.filter(
    (t) =>
      t.offline && d.kiosks.find((k) => k.kioskId === t.kioskId)?.stored(t.ticketId)?.syncState !== 'synced',
  );
  add(
    'every offline ticket reached the hub',
    unsynced === 0 && rejected.length === 0,
    `${handedOut.filter((t) => t.offline).length} offline tickets; ${unsynced} still unsent, ${rejected.length} not acknowledged${list(rejected.map((t) => t.displayNumber))}`,
  );

  const tickets = Object.values(d.hubState.tickets);
  const open = tickets.filter((t) => !FINAL_STATUSES.has(t.status));
  add(
    'every ticket ends in one final state',
    open.length === 0,
    `${tickets.length} tickets: ${countBy(tickets.map((t) => t.status))}${list(open.map((t) => `${t.displayNumber} ${t.status}`))}`,
  );

  add(
    'no number is given twice in a day',
    d.replay.numberClashes.length === 0,
    `${d.replay.issued.size} numbers${list(d.replay.numberClashes)}`,
  );

  add(
    'no ticket is called twice at once',
    d.replay.callViolations.length === 0,
    `${[...d.replay.calls].filter((k) => k.endsWith('|call')).length} calls checked${list(d.replay.callViolations)}`,
  );

  const displayIssues: string[] = [];
  for (const display of d.displays) {
    let missingCalls = 0;
    for (const key of d.replay.calls)
      if (!display.live.has(key) && !display.caughtUp.has(key)) missingCalls += 1;
    if (missingCalls > 0) displayIssues.push(`${display.displayId} misses ${missingCalls}`);
  }
  add(
    'every call is seen by every display',
    displayIssues.length === 0,
    `${d.replay.calls.size} calls and recalls × ${d.displays.length} displays; ${d.displays
      .map((x) => `${x.displayId} ${x.live.size} live + ${x.caughtUp.size} by sync`)
      .join(', ')}${list(displayIssues)}`,
  );

  const behind = [
    ...d.displays.filter((x) => x.digest !== d.hubDigest).map((x) => `${x.displayId} at seq ${x.seq}`),
    ...d.counters.filter((c) => c.seq !== d.hubState.seq).map((c) => `${c.plan.counterId} at seq ${c.seq}`),
  ];
  add(
    'every client caught up with the hub',
    behind.length === 0,
    `${d.displays.length} display mirrors equal the hub state, ${d.counters.length} counters at seq ${d.hubState.seq}${list(behind)}`,
  );

  const pending = d.counters.filter((c) => c.pending > 0).map((c) => `${c.plan.counterId} ${c.pending}`);
  const queued = d.counters.reduce((n, c) => n + c.stats.queuedOffline, 0);
  add(
    'every action queued offline was delivered',
    pending.length === 0,
    `${queued} finishes/no-shows queued while offline${list(pending)}`,
  );

  add('the day was closed once', d.replay.dayCloses === 1, `${d.replay.dayCloses} DayClosed`);

  add(
    'the hub never crashed',
    d.hub.crashes.length === 0 && d.hub.errorLines.length === 0,
    `${d.hub.restarts.length} deliberate SIGKILLs; ${d.hub.crashes.length} exits of its own; ${d.hub.errorLines.length} error log lines${list(d.hub.errorLines)}`,
  );

  if (d.fuzz) {
    const hostile = d.fuzz.results.filter((r) => r.category !== 'replay' && r.category !== 'no-ack');
    const unanswered = hostile.filter(
      (r) => !(r.outcome.kind === 'closed' || (r.outcome.kind === 'error' && r.outcome.code !== 'INTERNAL')),
    );
    add(
      'each bad message got an error code',
      unanswered.length === 0 && hostile.length > 0,
      `${hostile.length} hostile messages in ${d.fuzz.bursts} bursts (${d.fuzz.skippedBursts} skipped, hub unreachable): ${countBy(hostile.map((r) => (r.outcome.kind === 'error' ? r.outcome.code : r.outcome.kind)))}${list(unanswered.map((r) => `${r.name}: ${r.outcome.kind}${r.outcome.kind === 'error' ? ` ${r.outcome.code}` : ''}`))}`,
    );
    const replays = d.fuzz.results.filter((r) => r.category === 'replay');
    const reran = replays.filter((r) => r.outcome.kind !== 'first-answer');
    add(
      'a replayed command gets its first answer',
      reran.length === 0,
      `${replays.length} replays of real commands${list(reran.map((r) => `${r.name}: ${r.outcome.kind === 'new-answer' ? r.outcome.detail : r.outcome.kind}`))}`,
    );
  }
  return results;
}

export function countBy(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}
