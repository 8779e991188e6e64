// Which call the big panel shows, and which go under "Panggilan sebelumnya". The big call follows the
// speakers: in a burst, each call is large while it is spoken, and a call still waiting its turn to be
// spoken is not shown as if it had been (it is on its counter's tile meanwhile).

import type { CallRecord } from '../feed/call-feed.js';

/** What the announcement queue is doing, as far as the screen is concerned. */
export interface SpeechProgress {
  /** The key of the call being announced now. */
  speaking: string | undefined;
  /** Keys of the calls waiting their turn. */
  waiting: ReadonlySet<string>;
  /** Sound is held back (the browser has not allowed it yet): the screen then waits for no speech. */
  paused: boolean;
}

export interface CallStage {
  /** The big call. */
  hero: CallRecord | undefined;
  /** The big call is being announced right now. */
  heroSpoken: boolean;
  /** Calls already announced (or never to be), each ticket once, newest first, without the big one. */
  previous: CallRecord[];
}

/** Places the feed's calls (newest first) on the screen, given the speakers' progress. */
export function callStage(
  calls: readonly CallRecord[],
  speech: SpeechProgress,
  previousLimit: number,
): CallStage {
  const waiting = speech.paused ? new Set<string>() : speech.waiting;
  const speaking = speech.paused ? undefined : calls.find((c) => c.key === speech.speaking);
  const hero = speaking ?? calls.find((c) => !waiting.has(c.key)) ?? calls[0];
  const seen = new Set<string>(hero ? [hero.ticketId] : []);
  const previous: CallRecord[] = [];
  for (const call of calls) {
    if (previous.length >= previousLimit) break;
    if (seen.has(call.ticketId) || waiting.has(call.key)) continue;
    seen.add(call.ticketId);
    previous.push(call);
  }
  return { hero, heroSpoken: speaking !== undefined, previous };
}
