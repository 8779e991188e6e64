/** What the calling rule needs to know to say how many tickets of the other class go first. */
export interface CallingOrderInput {
  /** The ticket's class: a priority group, or a regular visitor. */
  priority: boolean;
  /** Tickets of its own class that go before it (smaller rank). */
  sameAhead: number;
  /** Tickets of the other class waiting for the same counters. */
  otherWaiting: number;
  /** Each counter's `priorityStreak`, in the order the counters are expected to call next. */
  streaks: readonly number[];
  /** `settings.priorityStreak`: priority calls in a row while a regular visitor waits; 0 = always first. */
  maxStreak: number;
}

/**
 * How many tickets of the other class the counters call before this one, by the calling rule of
 * `callNext` (queue-engine.ts): priority groups first, but a counter that has called `maxStreak` priority
 * tickets in a row while a regular visitor waited calls a regular one next. A regular ticket therefore
 * waits for the priority tickets called before its own turn comes, a priority ticket for the regular ones
 * the interleave lets through first. The counters are taken to call in turn, in the order given: exact for
 * one counter, and for several as long as they finish visits in that order.
 */
export function otherClassCallsBefore(input: CallingOrderInput): number {
  const { priority, maxStreak } = input;
  if (input.otherWaiting <= 0) return 0;
  if (maxStreak === 0) return priority ? 0 : input.otherWaiting;
  const streaks = input.streaks.length > 0 ? [...input.streaks] : [0];
  // Left to call of each class; this ticket is the last of its own class.
  let p = priority ? input.sameAhead + 1 : input.otherWaiting;
  let r = priority ? input.otherWaiting : input.sameAhead + 1;
  let other = 0;
  for (let i = 0; ; i = (i + 1) % streaks.length) {
    // Once one class is used up, the rest comes in order: nothing more of the other class goes first.
    if (priority ? r === 0 : p === 0) return other;
    const streak = streaks[i] ?? 0;
    if (p > 0 && (r === 0 || streak < maxStreak)) {
      p -= 1;
      streaks[i] = r > 0 ? streak + 1 : 0;
      if (priority && p === 0) return other;
      if (!priority) other += 1;
    } else {
      r -= 1;
      streaks[i] = 0;
      if (!priority && r === 0) return other;
      if (priority) other += 1;
    }
  }
}
