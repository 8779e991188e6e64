// The display's settings on its own machine: which hub, which screen, which part of the hall, sound.
// Saved in Electron's userData; `--hub=… --screen=… --zone=…` on the command line set them once.

import type { SettingsSchema } from '@antre/electron-shell';

export interface DisplaySettings {
  /** The hub's base URL, e.g. `http://192.168.1.10:3000`. */
  hubUrl: string;
  /** Which screen to fill, 0 = the first; a missing screen falls back to the primary. */
  screenIndex: number;
  zone?: string;
  agencies?: string[];
  counters?: string[];
  chime?: boolean;
  speech?: boolean;
  lang?: 'id' | 'en';
}

export const DEFAULT_DISPLAY_SETTINGS: DisplaySettings = { hubUrl: 'http://127.0.0.1:3000', screenIndex: 0 };

const ID_LIST = /^[a-z0-9][a-z0-9-]*$/;

/** Checks a settings object read from disk or made from the command line; a bad field fails the whole. */
export const displaySettingsSchema: SettingsSchema<DisplaySettings> = {
  safeParse(input: unknown) {
    if (typeof input !== 'object' || input === null) return { success: false };
    const v = input as Record<string, unknown>;
    const { hubUrl, screenIndex, zone, agencies, counters, chime, speech, lang } = v;
    if (typeof hubUrl !== 'string' || !isHttpUrl(hubUrl)) return { success: false };
    if (
      typeof screenIndex !== 'number' ||
      !Number.isInteger(screenIndex) ||
      screenIndex < 0 ||
      screenIndex > 16
    ) {
      return { success: false };
    }
    const data: DisplaySettings = { hubUrl: hubUrl.replace(/\/+$/, ''), screenIndex };
    if (zone !== undefined) {
      if (typeof zone !== 'string' || zone.length > 40) return { success: false };
      data.zone = zone;
    }
    for (const [key, list] of [
      ['agencies', agencies],
      ['counters', counters],
    ] as const) {
      if (list === undefined) continue;
      if (
        !Array.isArray(list) ||
        list.length > 200 ||
        !list.every((s) => typeof s === 'string' && ID_LIST.test(s))
      ) {
        return { success: false };
      }
      data[key] = list as string[];
    }
    for (const [key, flag] of [
      ['chime', chime],
      ['speech', speech],
    ] as const) {
      if (flag === undefined) continue;
      if (typeof flag !== 'boolean') return { success: false };
      data[key] = flag;
    }
    if (lang !== undefined) {
      if (lang !== 'id' && lang !== 'en') return { success: false };
      data.lang = lang;
    }
    return { success: true, data };
  },
};

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}

/** `--hub=URL --screen=N --zone=NAME --agencies=a,b --counters=a,b --chime=on|off --speech=on|off --lang=id|en`. */
export function settingsFromArgs(argv: readonly string[]): Partial<DisplaySettings> {
  const out: Partial<DisplaySettings> = {};
  for (const arg of argv) {
    const match = /^--([a-z]+)=(.*)$/.exec(arg);
    const key = match?.[1];
    const value = match?.[2]?.trim() ?? '';
    if (key === 'hub') out.hubUrl = value;
    else if (key === 'screen') out.screenIndex = Number(value);
    else if (key === 'zone') out.zone = value;
    else if (key === 'agencies' || key === 'counters') out[key] = value.split(',').filter((s) => s !== '');
    else if (key === 'chime' || key === 'speech')
      out[key] = value === 'on' || value === '1' || value === 'true';
    else if (key === 'lang' && (value === 'id' || value === 'en')) out.lang = value;
  }
  return out;
}

/**
 * What the renderer is told in its URL: which hub to use and what to show, the same query a browser
 * display takes (`/display/?zone=Lantai%201`).
 */
export function displayQuery(settings: DisplaySettings): URLSearchParams {
  const query = new URLSearchParams({ hub: settings.hubUrl });
  if (settings.zone) query.set('zone', settings.zone);
  if (settings.agencies?.length) query.set('agencies', settings.agencies.join(','));
  if (settings.counters?.length) query.set('counters', settings.counters.join(','));
  if (settings.chime !== undefined) query.set('chime', settings.chime ? '1' : '0');
  if (settings.speech !== undefined) query.set('speech', settings.speech ? '1' : '0');
  if (settings.lang) query.set('lang', settings.lang);
  return query;
}
