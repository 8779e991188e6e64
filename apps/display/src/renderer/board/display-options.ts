// A display's settings from its URL (`/display/?zone=Lantai%201&speech=0`) or, in Electron, its settings file
// turned into the same query string. Anything unreadable falls back to the default rather than failing.

import type { SoundSettings } from '../announcement/announcement-queue.js';
import type { ScopeFilter } from './display-scope.js';

export interface DisplayOptions {
  scope: ScopeFilter;
  /** Only what the URL sets: a setting absent here keeps the one saved on the device. */
  sound: Partial<SoundSettings>;
  lang: 'id' | 'en' | undefined;
  /** A call older than this is shown but no longer spoken. */
  speakWithinMs: number;
  /** Shows this month's satisfaction index (`?ikm=1`): a hall chooses which screen publishes it. */
  ikm: boolean;
}

const DEFAULT_SPEAK_WITHIN_S = 60;

export function parseDisplayOptions(search: string): DisplayOptions {
  const params = new URLSearchParams(search);
  const list = (name: string) =>
    (params.get(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .slice(0, 200);
  const scope: ScopeFilter = {};
  const zone = params.get('zone')?.trim();
  if (zone) scope.zone = zone.slice(0, 40);
  const agencyIds = list('agencies');
  if (agencyIds.length > 0) scope.agencyIds = agencyIds;
  const counterIds = list('counters');
  if (counterIds.length > 0) scope.counterIds = counterIds;

  const sound: Partial<SoundSettings> = {};
  const chime = flag(params.get('chime'));
  if (chime !== undefined) sound.chime = chime;
  const speech = flag(params.get('speech'));
  if (speech !== undefined) sound.speech = speech;

  const langParam = params.get('lang');
  const lang = langParam === 'id' || langParam === 'en' ? langParam : undefined;

  const within = Number(params.get('maxAge'));
  const seconds =
    Number.isFinite(within) && within > 0 ? Math.min(Math.max(within, 10), 600) : DEFAULT_SPEAK_WITHIN_S;
  return { scope, sound, lang, speakWithinMs: seconds * 1000, ikm: flag(params.get('ikm')) ?? false };
}

function flag(value: string | null): boolean | undefined {
  if (value === null) return undefined;
  const v = value.trim().toLowerCase();
  if (['1', 'on', 'true', 'ya', 'yes'].includes(v)) return true;
  if (['0', 'off', 'false', 'tidak', 'no'].includes(v)) return false;
  return undefined;
}
