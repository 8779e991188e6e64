import { describe, expect, it } from 'vitest';
import { parseTicketNumber } from '@antre/shared';
import type { TicketNumber } from '@antre/shared';
import type { Announcement, AnnouncementOutcome, AnnouncementPlayer } from './announcement-queue.js';
import { AnnouncementQueue } from './announcement-queue.js';

/** A player that takes `ms` of fake time per sound and logs what it plays, and whether two ever overlapped. */
function fakePlayer(clock: { t: number }, ms = { chime: 2000, speak: 4000 }) {
  const log: string[] = [];
  let playing = 0;
  let overlapped = false;
  const play = async (what: string, duration: number): Promise<true> => {
    playing += 1;
    if (playing > 1) overlapped = true;
    log.push(what);
    await new Promise((r) => setTimeout(r, 1));
    clock.t += duration;
    playing -= 1;
    return true;
  };
  const player: AnnouncementPlayer = {
    chime: async () => void (await play('chime', ms.chime)),
    speak: (words) => play(words.join(' '), ms.speak),
  };
  return { player, log, overlapped: () => overlapped };
}

/** The test's calls are written as shown ("A-123"); the queue gets them as the domain holds them. */
function ticketNumber(displayNumber: string): TicketNumber {
  const parsed = parseTicketNumber(displayNumber);
  if (!parsed) throw new Error(`not a ticket number: ${displayNumber}`);
  return parsed;
}

function setup(settings = { chime: true, speech: true }, readLeadingZeros = false) {
  const clock = { t: 1_000_000 };
  const fake = fakePlayer(clock);
  const outcomes: Array<[string, AnnouncementOutcome]> = [];
  const queue = new AnnouncementQueue({
    player: fake.player,
    now: () => clock.t,
    settings,
    readLeadingZeros: () => readLeadingZeros,
    wait: async (ms) => {
      clock.t += ms;
    },
    onOutcome: (a, o) => outcomes.push([a.key, o]),
  });
  const call = (
    key: string,
    displayNumber: string,
    counterName: string,
    maxAgeMs = 60_000,
  ): Announcement => ({
    key,
    ticket: ticketNumber(displayNumber),
    counterName,
    recall: key.includes('recall'),
    deadline: clock.t + maxAgeMs,
  });
  return { clock, queue, outcomes, call, ...fake };
}

describe('AnnouncementQueue', () => {
  it('speaks a burst one after another, in order, each after its chime, never overlapping', async () => {
    const { queue, log, overlapped, call } = setup();
    queue.enqueue(call('1', 'A-123', '5'));
    queue.enqueue(call('2', 'B-007', '12'));
    queue.enqueue(call('3', 'KT-010', '3A'));
    expect(queue.pending.length + (queue.current ? 1 : 0)).toBe(3);
    await queue.idle();
    expect(log).toEqual([
      'chime',
      'nomor antrean a seratus dua puluh tiga silakan menuju loket lima',
      'chime',
      'nomor antrean be tujuh silakan menuju loket dua belas',
      'chime',
      'nomor antrean ka te sepuluh silakan menuju loket tiga a',
    ]);
    expect(overlapped()).toBe(false);
    expect(queue.pending).toHaveLength(0);
  });

  it('announces a recall again but ignores the same call delivered twice', async () => {
    const { queue, log, call } = setup({ chime: false, speech: true });
    expect(queue.enqueue(call('t1#0', 'A-001', '2'))).toBe(true);
    expect(queue.enqueue(call('t1#0', 'A-001', '2'))).toBe(false);
    expect(queue.enqueue(call('t1#1-recall', 'A-001', '2'))).toBe(true);
    await queue.idle();
    expect(log).toEqual([
      'nomor antrean a satu silakan menuju loket dua',
      'nomor antrean a satu silakan menuju loket dua',
    ]);
  });

  it('drops calls that grew too old while waiting their turn, and speaks the rest', async () => {
    const { queue, log, outcomes, call } = setup();
    // Each announcement takes 2 s chime + 4 s speech + 0.7 s gap: the third starts 13.4 s after the burst.
    queue.enqueue(call('1', 'A-001', '1', 10_000));
    queue.enqueue(call('2', 'A-002', '1', 10_000));
    queue.enqueue(call('3', 'A-003', '1', 10_000));
    queue.enqueue(call('4', 'A-004', '1', 60_000));
    await queue.idle();
    expect(outcomes).toEqual([
      ['1', 'announced'],
      ['2', 'announced'],
      ['3', 'dropped'],
      ['4', 'announced'],
    ]);
    expect(log.filter((l) => l !== 'chime')).toEqual([
      'nomor antrean a satu silakan menuju loket satu',
      'nomor antrean a dua silakan menuju loket satu',
      'nomor antrean a empat silakan menuju loket satu',
    ]);
  });

  it('drops a call that was already too old when it came', async () => {
    const { queue, log, outcomes, call } = setup();
    queue.enqueue(call('old', 'A-001', '1', -1));
    await queue.idle();
    expect(outcomes).toEqual([['old', 'dropped']]);
    expect(log).toEqual([]);
  });

  it('plays the chime alone, the speech alone, or nothing, as set', async () => {
    const chimeOnly = setup({ chime: true, speech: false });
    chimeOnly.queue.enqueue(chimeOnly.call('1', 'A-001', '1'));
    await chimeOnly.queue.idle();
    expect(chimeOnly.log).toEqual(['chime']);

    const speechOnly = setup({ chime: false, speech: true });
    speechOnly.queue.enqueue(speechOnly.call('1', 'A-001', '1'));
    await speechOnly.queue.idle();
    expect(speechOnly.log).toEqual(['nomor antrean a satu silakan menuju loket satu']);

    const silent = setup({ chime: false, speech: false });
    silent.queue.enqueue(silent.call('1', 'A-001', '1'));
    await silent.queue.idle();
    expect(silent.log).toEqual([]);
    expect(silent.outcomes).toEqual([['1', 'muted']]);
  });

  it('does not cut off the announcement playing when sound is turned off; the next one is silent', async () => {
    const { queue, log, outcomes, call } = setup();
    queue.enqueue(call('1', 'A-001', '1'));
    queue.enqueue(call('2', 'A-002', '1'));
    queue.setSettings({ chime: false, speech: false });
    await queue.idle();
    // The first had already started (chime playing) when the setting changed: it ends whole.
    expect(log).toEqual(['chime', 'nomor antrean a satu silakan menuju loket satu']);
    expect(outcomes).toEqual([
      ['1', 'announced'],
      ['2', 'muted'],
    ]);
    expect(queue.getSettings()).toEqual({ chime: false, speech: false });
  });

  it('holds calls while paused, then speaks those still fresh', async () => {
    const { queue, log, outcomes, call, clock } = setup({ chime: false, speech: true });
    queue.pause();
    queue.enqueue(call('1', 'A-001', '1', 5_000));
    queue.enqueue(call('2', 'A-002', '1', 60_000));
    await queue.idle();
    expect(log).toEqual([]);
    expect(queue.pending).toHaveLength(2);
    clock.t += 10_000;
    queue.resume();
    await queue.idle();
    expect(outcomes).toEqual([
      ['1', 'dropped'],
      ['2', 'announced'],
    ]);
  });

  it('tells every change of what is announced and what waits, so the screen can follow the speech', async () => {
    const clock = { t: 0 };
    const fake = fakePlayer(clock);
    const seen: string[] = [];
    const queue: AnnouncementQueue = new AnnouncementQueue({
      player: fake.player,
      now: () => clock.t,
      settings: { chime: true, speech: true },
      readLeadingZeros: () => false,
      wait: async (ms) => {
        clock.t += ms;
      },
      onChange: () => {
        const state = `${queue.current?.key ?? '-'} | ${queue.pending.map((a) => a.key).join(',')}`;
        if (seen.at(-1) !== state) seen.push(state);
      },
    });
    const base = { counterName: '1', recall: false, deadline: 60_000 };
    queue.enqueue({ ...base, key: 'A-009', ticket: { prefix: 'A', number: 9 } });
    queue.enqueue({ ...base, key: 'A-010', ticket: { prefix: 'A', number: 10 } });
    await queue.idle();
    expect(seen).toEqual(['A-009 | ', 'A-009 | A-010', '- | A-010', 'A-010 | ', '- | ']);
    expect(queue.isPaused).toBe(false);
  });

  it('reads leading zeros when the hall says so', async () => {
    const { queue, log, call } = setup({ chime: false, speech: true }, true);
    queue.enqueue(call('1', 'A-007', '5'));
    await queue.idle();
    expect(log).toEqual(['nomor antrean a nol nol tujuh silakan menuju loket lima']);
  });

  it('keeps going after a player failure or a number it cannot speak', async () => {
    const clock = { t: 0 };
    const spoken: string[] = [];
    let chimes = 0;
    const outcomes: AnnouncementOutcome[] = [];
    const queue = new AnnouncementQueue({
      player: {
        chime: async () => {
          chimes += 1;
        },
        speak: async (words) => {
          if (words.includes('satu')) throw new Error('audio device lost');
          spoken.push(words.join(' '));
          return true;
        },
      },
      now: () => clock.t,
      settings: { chime: true, speech: true },
      readLeadingZeros: () => false,
      wait: async () => {},
      onOutcome: (_a, o) => outcomes.push(o),
    });
    const base = { recall: false, deadline: 1000, counterName: '2' };
    queue.enqueue({ ...base, key: 'a', ticket: { prefix: 'A', number: 1 } });
    queue.enqueue({ ...base, key: 'b', ticket: { prefix: 'a?', number: 2 } });
    queue.enqueue({ ...base, key: 'c', ticket: { prefix: 'A', number: 2 } });
    await queue.idle();
    expect(outcomes).toEqual(['failed', 'failed', 'announced']);
    expect(spoken).toEqual(['nomor antrean a dua silakan menuju loket dua']);
    // The unspeakable number fails before its chime: only the two real calls chimed.
    expect(chimes).toBe(2);
  });

  it('plays the chime in place of speech that cannot be made, even with the chime turned off', async () => {
    const log: string[] = [];
    const queue = new AnnouncementQueue({
      player: {
        chime: async () => void log.push('chime'),
        speak: async () => false,
      },
      now: () => 0,
      settings: { chime: false, speech: true },
      readLeadingZeros: () => false,
      wait: async () => {},
    });
    queue.enqueue({
      key: '1',
      ticket: { prefix: 'A', number: 1 },
      counterName: '1',
      recall: false,
      deadline: 10,
    });
    await queue.idle();
    expect(log).toEqual(['chime']);
    queue.setSettings({ chime: true, speech: true });
    queue.enqueue({
      key: '2',
      ticket: { prefix: 'A', number: 2 },
      counterName: '1',
      recall: false,
      deadline: 10,
    });
    await queue.idle();
    // With the chime on it has already sounded once: no second chime.
    expect(log).toEqual(['chime', 'chime']);
  });
});
