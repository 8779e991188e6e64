import { readFileSync, statSync } from 'node:fs';
import { announcementWords } from '@antre/shared';
import { describe, expect, it } from 'vitest';
import { ALL_CLIP_WORDS, clipFileStem, parseClipManifest, selectClips } from './clip-set.js';
import { clipTimeline, pauseAfter } from './clip-timing.js';

const CLIPS_DIR = new URL('../public/clips/', import.meta.url);
const committed = parseClipManifest(JSON.parse(readFileSync(new URL('manifest.json', CLIPS_DIR), 'utf8')));

describe('the clip set', () => {
  it('has 69 distinct words whose file names do not collide', () => {
    expect(ALL_CLIP_WORDS).toHaveLength(69);
    expect(new Set(ALL_CLIP_WORDS).size).toBe(69);
    expect(new Set(ALL_CLIP_WORDS.map(clipFileStem)).size).toBe(69);
    expect(clipFileStem('silakan menuju loket')).toBe('silakan-menuju-loket');
  });

  it('covers every word of any announcement', () => {
    const words = new Set(ALL_CLIP_WORDS);
    for (const [number, counter] of [
      [{ prefix: 'A', number: 123 }, '5'],
      [{ prefix: 'KT', number: 7 }, '12A'],
      [{ prefix: 'Z', number: 999 }, '24'],
      [{ prefix: 'AB', number: 1001 }, '100'],
      [{ prefix: 'Q', number: 10 }, '11'],
    ] as const) {
      for (const readLeadingZeros of [false, true]) {
        for (const w of announcementWords(number, counter, { readLeadingZeros })) expect(words).toContain(w);
      }
    }
  });

  it('is committed whole: a manifest entry and a small non-empty file for every word, and the chime', () => {
    expect(Object.keys(committed.clips).sort()).toEqual([...ALL_CLIP_WORDS].sort());
    let total = 0;
    for (const file of [...Object.values(committed.clips), committed.chime]) {
      const size = statSync(new URL(file, CLIPS_DIR)).size;
      expect(size, file).toBeGreaterThan(1000);
      total += size;
    }
    expect(total).toBeLessThan(700 * 1024);
  });
});

describe('parseClipManifest', () => {
  it('refuses malformed manifests and file names that leave the clip folder', () => {
    expect(() => parseClipManifest(null)).toThrow(/not an object/);
    expect(() => parseClipManifest({ chime: 'chime.ogg' })).toThrow(/clips/);
    expect(() => parseClipManifest({ chime: '../x.ogg', clips: {} })).toThrow(/chime/);
    expect(() => parseClipManifest({ chime: 'c.ogg', clips: { a: '../../etc/passwd' } })).toThrow(/"a"/);
    expect(() => parseClipManifest({ chime: 'c.ogg', clips: { a: 7 } })).toThrow(/"a"/);
    expect(() => parseClipManifest({ chime: 'c.ogg', clips: { a: 'https://evil/x.ogg' } })).toThrow(/"a"/);
    expect(parseClipManifest({ chime: 'c.ogg', clips: { a: 'a.wav' } })).toEqual({
      voice: 'unknown',
      chime: 'c.ogg',
      clips: { a: 'a.wav' },
    });
  });
});

describe('selectClips', () => {
  const words = announcementWords({ prefix: 'A', number: 123 }, '5', { readLeadingZeros: false });

  it('maps each word to its file, in order', () => {
    expect(selectClips(words, committed, new Set(ALL_CLIP_WORDS))).toEqual({
      kind: 'clips',
      files: [
        'nomor-antrean.ogg',
        'a.ogg',
        'seratus.ogg',
        'dua-puluh.ogg',
        'tiga.ogg',
        'silakan-menuju-loket.ogg',
        'lima.ogg',
      ],
    });
  });

  it('honours a hall that renamed its recorded files in the manifest', () => {
    const human = { ...committed, clips: { ...committed.clips, seratus: 'rekaman-seratus.wav' } };
    const selection = selectClips(words, human, new Set(ALL_CLIP_WORDS));
    expect(selection.kind === 'clips' && selection.files[2]).toBe('rekaman-seratus.wav');
  });

  it('falls back for the whole sentence when a clip is absent from the manifest or failed to load', () => {
    const { tiga: _dropped, ...rest } = committed.clips;
    expect(selectClips(words, { ...committed, clips: rest }, new Set(ALL_CLIP_WORDS))).toEqual({
      kind: 'fallback',
      missing: ['tiga'],
    });
    const loaded = new Set(ALL_CLIP_WORDS.filter((w) => w !== 'a' && w !== 'lima'));
    expect(selectClips(words, committed, loaded)).toEqual({ kind: 'fallback', missing: ['a', 'lima'] });
  });

  it('does not treat inherited object keys as clips', () => {
    expect(selectClips(['constructor'], committed, new Set(['constructor']))).toEqual({
      kind: 'fallback',
      missing: ['constructor'],
    });
  });
});

describe('clipTimeline', () => {
  it('lays clips end to end with a breath before "silakan menuju loket" and little inside a number', () => {
    const timeline = clipTimeline(words(), () => 0.5);
    expect(timeline.clips.map((c) => c.word)).toEqual(words());
    const starts = timeline.clips.map((c) => Number(c.start.toFixed(2)));
    expect(starts).toEqual([0, 0.72, 1.34, 1.89, 2.44, 3.34, 4.02]);
    expect(timeline.duration).toBeCloseTo(4.52, 5);
    expect(pauseAfter('lima', undefined)).toBe(0);
  });

  it('is empty for no words', () => {
    expect(clipTimeline([], () => 1)).toEqual({ clips: [], duration: 0 });
  });

  function words(): string[] {
    return announcementWords({ prefix: 'A', number: 123 }, '5', { readLeadingZeros: false });
  }
});
