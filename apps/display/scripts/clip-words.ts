// Feeds generate-clips.sh from the domain's own word list, so the clip set can never drift from what
// announcementWords asks for. `list` prints "word<TAB>file stem" lines; `manifest EXT VOICE` prints the manifest.

import { ALL_CLIP_WORDS, clipFileStem } from '../src/renderer/announcement/clip-set.js';
import type { ClipManifest } from '../src/renderer/announcement/clip-set.js';

const [mode, ext = 'ogg', voice = 'espeak-ng'] = process.argv.slice(2);

if (mode === 'list') {
  for (const word of ALL_CLIP_WORDS) console.log(`${word}\t${clipFileStem(word)}`);
} else if (mode === 'manifest') {
  const manifest: ClipManifest = {
    voice,
    chime: `chime.${ext}`,
    clips: Object.fromEntries(ALL_CLIP_WORDS.map((word) => [word, `${clipFileStem(word)}.${ext}`])),
  };
  console.log(JSON.stringify(manifest, null, 2));
} else {
  console.error('usage: clip-words.ts list | manifest EXT VOICE');
  process.exit(2);
}
