#!/usr/bin/env bash
# Generates the display's announcement clip set and chime with Debian's espeak-ng and sox:
#   apps/display/src/renderer/public/clips/{<word>.ogg, chime.ogg, manifest.json}
#
# The word list comes from @antre/shared (via clip-words.ts), so every word announcementWords can say has a
# clip. A hall that wants a recorded human voice replaces the .ogg files with its own recordings under the
# same names (any format the browser decodes works: the manifest names the files) and keeps the manifest.
#
# Usage: apps/display/scripts/generate-clips.sh [voice]      (default voice: id, e.g. "id+f3" for a variant)
# Needs: espeak-ng, sox with Ogg Vorbis (apt-get install espeak-ng sox libsox-fmt-all), node + npx tsx.
set -euo pipefail

voice="${1:-id}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
out="$here/../src/renderer/public/clips"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 22.05 kHz mono is espeak-ng's own rate (no resampling) and plenty for speech; Vorbis quality 0 keeps the
# whole set to a few hundred KB, most of it Vorbis's fixed per-file header.
rate=22050
quality=0
speed=145

mkdir -p "$out"
rm -f "$out"/*.ogg "$out"/*.wav

# Where espeak-ng's Indonesian rules miss: "loket" (from Dutch) has an open e, not the schwa it guesses.
pronounce() {
  case "$1" in
    'silakan menuju loket') echo "silakan menuju [[l'okEt]]" ;;
    *) echo "$1" ;;
  esac
}

words="$(cd "$repo" && npx tsx --conditions=source apps/display/scripts/clip-words.ts list)"
while IFS=$'\t' read -r word stem; do
  espeak-ng -v "$voice" -s "$speed" -w "$work/raw.wav" "$(pronounce "$word")"
  # Trim the synthesiser's leading and trailing silence (the player spaces words itself), fade the cut
  # edges so clips join without clicks, and normalise every clip to the same peak so the sentence does not
  # jump in loudness from word to word; -3 dB leaves the lossy encoder headroom against clipping.
  sox "$work/raw.wav" -r "$rate" -c 1 "$work/trim.wav" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% fade t 0.012 reverse fade t 0.006 norm -3
  sox "$work/trim.wav" -C "$quality" "$out/$stem.ogg"
done <<<"$words"

# A two-tone "ding-dong" (E5 then C5, a falling major third) with two soft overtones and a long decay, so it
# reads as a bell rather than a beep; the second tone starts while the first still rings.
tone() { # frequency, output
  sox -n -r "$rate" -c 1 "$work/f1.wav" synth 1.6 sine "$1" vol 0.62
  sox -n -r "$rate" -c 1 "$work/f2.wav" synth 1.6 sine "$(echo "$1 * 2" | bc -l)" vol 0.22
  sox -n -r "$rate" -c 1 "$work/f3.wav" synth 1.6 sine "$(echo "$1 * 3" | bc -l)" vol 0.08
  sox -m "$work/f1.wav" "$work/f2.wav" "$work/f3.wav" "$2" fade q 0.008 1.6 1.5
}
tone 659.25 "$work/ding.wav"
tone 523.25 "$work/dong.wav"
sox "$work/dong.wav" "$work/dong-late.wav" pad 0.62 0
sox -m "$work/ding.wav" "$work/dong-late.wav" "$work/chime.wav" norm -3 fade t 0 0 0.05
sox "$work/chime.wav" -C "$quality" "$out/chime.ogg"

(cd "$repo" && npx tsx --conditions=source apps/display/scripts/clip-words.ts manifest ogg "espeak-ng $voice") \
  >"$out/manifest.json"

count="$(find "$out" -name '*.ogg' | wc -l)"
size="$(du -sk "$out" | cut -f1)"
echo "wrote $count clips ($size KB) to $out"
