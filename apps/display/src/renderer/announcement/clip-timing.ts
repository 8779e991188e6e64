// Where each clip of a sentence starts: speech made of separate clips needs pauses where a speaker would
// breathe (after "nomor antrean", before "silakan menuju loket") and almost none inside a number.

import { ANNOUNCEMENT_OPENING, ANNOUNCEMENT_TO_COUNTER, letterForSpoken } from '@antre/shared';

export interface TimedClip {
  word: string;
  /** Seconds from the start of the sentence. */
  start: number;
}

export interface ClipTimeline {
  clips: TimedClip[];
  /** Seconds until the last clip ends. */
  duration: number;
}

/** Seconds of silence between `word` and the word after it. */
export function pauseAfter(word: string, next: string | undefined): number {
  if (next === undefined) return 0;
  if (next === ANNOUNCEMENT_TO_COUNTER) return 0.4;
  if (word === ANNOUNCEMENT_OPENING) return 0.22;
  if (word === ANNOUNCEMENT_TO_COUNTER) return 0.18;
  if (letterForSpoken(word) !== undefined) return 0.12;
  return 0.05;
}

/** Lays the clips end to end with the pauses above; `durationOf` gives each clip's length in seconds. */
export function clipTimeline(words: readonly string[], durationOf: (word: string) => number): ClipTimeline {
  const clips: TimedClip[] = [];
  let t = 0;
  words.forEach((word, i) => {
    clips.push({ word, start: t });
    t += durationOf(word) + pauseAfter(word, words[i + 1]);
  });
  return { clips, duration: t };
}
