// Puts an announcement's sounds on an audio context's timeline: used live (AudioContext) and to render one
// to a file (OfflineAudioContext), so the file is exactly what the hall hears.

import type { ClipBank } from './clip-bank.js';
import { selectClips } from './clip-set.js';
import { clipTimeline } from './clip-timing.js';

/** Seconds between the end of the chime and the first word. */
export const CHIME_TO_SPEECH_S = 0.15;

/** Plays `buffer` at `when`; returns when it ends (context seconds). */
export function scheduleBuffer(context: BaseAudioContext, buffer: AudioBuffer, when: number): number {
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.connect(context.destination);
  source.start(when);
  return when + buffer.duration;
}

/**
 * Schedules the clips of `words` from `when`; returns when the last one ends, or undefined when the clip
 * set lacks a word (nothing is scheduled then: the caller falls back for the whole sentence).
 */
export function scheduleWords(
  context: BaseAudioContext,
  bank: ClipBank,
  words: readonly string[],
  when: number,
): number | undefined {
  if (selectClips(words, bank.manifest, bank.available).kind !== 'clips') return undefined;
  const timeline = clipTimeline(words, (word) => bank.buffer(word)?.duration ?? 0);
  for (const { word, start } of timeline.clips) {
    const buffer = bank.buffer(word);
    if (buffer) scheduleBuffer(context, buffer, when + start);
  }
  return when + timeline.duration;
}

/** Length in seconds of chime + pause + words, for sizing an offline render; undefined if a clip is missing. */
export function announcementLength(
  bank: ClipBank,
  words: readonly string[],
  chime: boolean,
): number | undefined {
  if (selectClips(words, bank.manifest, bank.available).kind !== 'clips') return undefined;
  const speech = clipTimeline(words, (word) => bank.buffer(word)?.duration ?? 0).duration;
  const bell = chime && bank.chime ? bank.chime.duration + CHIME_TO_SPEECH_S : 0;
  return bell + speech;
}
