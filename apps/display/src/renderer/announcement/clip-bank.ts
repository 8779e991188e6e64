// The clip set, fetched once and decoded into memory: ~70 short clips, a few MB of samples at most.

import type { ClipManifest } from './clip-set.js';
import { parseClipManifest } from './clip-set.js';

export class ClipBank {
  private constructor(
    readonly manifest: ClipManifest,
    private readonly buffers: ReadonlyMap<string, AudioBuffer>,
    readonly chime: AudioBuffer | undefined,
  ) {}

  /** A bank with no clips: every sentence falls back to speech synthesis. */
  static empty(): ClipBank {
    return new ClipBank({ voice: 'none', chime: 'chime.ogg', clips: {} }, new Map(), undefined);
  }

  /**
   * Loads `<baseUrl>manifest.json` and every clip it names. A clip that is missing or does not decode is
   * left out (selectClips then falls back for the sentences that need it); it never stops the others.
   */
  static async load(context: BaseAudioContext, baseUrl: string): Promise<ClipBank> {
    let manifest: ClipManifest;
    try {
      const response = await fetch(`${baseUrl}manifest.json`, { cache: 'no-cache' });
      if (!response.ok) return ClipBank.empty();
      manifest = parseClipManifest(await response.json());
    } catch {
      return ClipBank.empty();
    }
    const decode = async (file: string): Promise<AudioBuffer | undefined> => {
      try {
        const response = await fetch(`${baseUrl}${file}`);
        if (!response.ok) return undefined;
        return await context.decodeAudioData(await response.arrayBuffer());
      } catch {
        return undefined;
      }
    };
    const entries = await Promise.all(
      Object.entries(manifest.clips).map(async ([word, file]) => [word, await decode(file)] as const),
    );
    const buffers = new Map<string, AudioBuffer>();
    for (const [word, buffer] of entries) if (buffer) buffers.set(word, buffer);
    return new ClipBank(manifest, buffers, await decode(manifest.chime));
  }

  /** Words whose clip is loaded and playable. */
  get available(): ReadonlySet<string> {
    return new Set(this.buffers.keys());
  }

  buffer(word: string): AudioBuffer | undefined {
    return this.buffers.get(word);
  }
}
