// The finite set of clips an announcement can need, and how a word sequence maps onto the files a hall has.

import { ANNOUNCEMENT_OPENING, ANNOUNCEMENT_TO_COUNTER, NUMBER_CLIPS, SPOKEN_LETTERS } from '@antre/shared';

/** Every word announcementWords can produce: the two phrases, the letter names and the number chunks. */
export const ALL_CLIP_WORDS: readonly string[] = Object.freeze([
  ANNOUNCEMENT_OPENING,
  ANNOUNCEMENT_TO_COUNTER,
  ...Object.values(SPOKEN_LETTERS),
  ...NUMBER_CLIPS,
]);

/** The file name a word's clip has in the repo's set: "dua puluh" → "dua-puluh". */
export function clipFileStem(word: string): string {
  return word.trim().toLowerCase().replace(/\s+/g, '-');
}

/** `clips/manifest.json`: which file holds each word, and the chime. */
export interface ClipManifest {
  /** Free text: who or what spoke the clips (e.g. "espeak-ng id" or the name of a recorded voice). */
  voice: string;
  chime: string;
  clips: Record<string, string>;
}

/** Reads a manifest from untrusted JSON; file names must stay inside the clip folder. */
export function parseClipManifest(json: unknown): ClipManifest {
  if (typeof json !== 'object' || json === null) throw new Error('clip manifest: not an object');
  const record = json as Record<string, unknown>;
  const chime = record['chime'];
  const clips = record['clips'];
  if (typeof chime !== 'string' || !isSafeFileName(chime)) throw new Error('clip manifest: bad "chime"');
  if (typeof clips !== 'object' || clips === null) throw new Error('clip manifest: "clips" is not an object');
  const files: Record<string, string> = {};
  for (const [word, file] of Object.entries(clips as Record<string, unknown>)) {
    if (typeof file !== 'string' || !isSafeFileName(file))
      throw new Error(`clip manifest: bad file for "${word}"`);
    files[word] = file;
  }
  const voice = typeof record['voice'] === 'string' ? record['voice'] : 'unknown';
  return { voice, chime, clips: files };
}

function isSafeFileName(name: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{0,80}$/i.test(name) && !name.includes('..');
}

export type ClipSelection =
  /** Every word has a clip: play these files in order. */
  | { kind: 'clips'; files: string[] }
  /** Some words have no clip: the whole sentence falls back (speech synthesis, else the chime alone). */
  | { kind: 'fallback'; missing: string[] };

/**
 * Picks the files for a word sequence. `available` holds the words whose clip actually loaded, so a file
 * named in the manifest but absent or undecodable counts as missing. Mixing a clip voice with a synthetic
 * one inside one sentence sounds broken, so any gap sends the whole sentence to the fallback.
 */
export function selectClips(
  words: readonly string[],
  manifest: ClipManifest,
  available: ReadonlySet<string>,
): ClipSelection {
  const files: string[] = [];
  const missing: string[] = [];
  for (const word of words) {
    const file = Object.hasOwn(manifest.clips, word) ? manifest.clips[word] : undefined;
    if (file === undefined || !available.has(word)) missing.push(word);
    else files.push(file);
  }
  return missing.length > 0 ? { kind: 'fallback', missing: [...new Set(missing)] } : { kind: 'clips', files };
}
