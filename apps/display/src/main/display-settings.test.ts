import { describe, expect, it } from 'vitest';
import { parseDisplayOptions } from '../renderer/board/display-options.js';
import {
  DEFAULT_DISPLAY_SETTINGS,
  displayQuery,
  displaySettingsSchema,
  settingsFromArgs,
} from './display-settings.js';

describe('display settings', () => {
  it('reads the command line', () => {
    expect(
      settingsFromArgs([
        '/opt/antre/display',
        '--hub=http://192.168.1.10:3000',
        '--screen=1',
        '--zone=Lantai 2',
        '--agencies=imigrasi,kemenag',
        '--chime=off',
        '--speech=on',
        '--lang=en',
        '--unknown=x',
        '--no-sandbox',
      ]),
    ).toEqual({
      hubUrl: 'http://192.168.1.10:3000',
      screenIndex: 1,
      zone: 'Lantai 2',
      agencies: ['imigrasi', 'kemenag'],
      chime: false,
      speech: true,
      lang: 'en',
    });
    expect(settingsFromArgs(['--lang=fr'])).toEqual({});
  });

  it('accepts good settings, trims a trailing slash, and refuses bad ones whole', () => {
    expect(displaySettingsSchema.safeParse({ hubUrl: 'http://hub.local:3000/', screenIndex: 0 })).toEqual({
      success: true,
      data: { hubUrl: 'http://hub.local:3000', screenIndex: 0 },
    });
    for (const bad of [
      null,
      { ...DEFAULT_DISPLAY_SETTINGS, hubUrl: 'file:///etc/passwd' },
      { ...DEFAULT_DISPLAY_SETTINGS, hubUrl: 'http://user:pw@hub' },
      { ...DEFAULT_DISPLAY_SETTINGS, hubUrl: 'not a url' },
      { ...DEFAULT_DISPLAY_SETTINGS, screenIndex: -1 },
      { ...DEFAULT_DISPLAY_SETTINGS, screenIndex: Number.NaN },
      { ...DEFAULT_DISPLAY_SETTINGS, agencies: ['Disdukcapil!'] },
      { ...DEFAULT_DISPLAY_SETTINGS, zone: 'x'.repeat(41) },
      { ...DEFAULT_DISPLAY_SETTINGS, chime: 'yes' },
      { ...DEFAULT_DISPLAY_SETTINGS, lang: 'fr' },
    ]) {
      expect(displaySettingsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('builds the renderer query that the renderer reads back to the same options', () => {
    const query = displayQuery({
      hubUrl: 'http://192.168.1.10:3000',
      screenIndex: 1,
      zone: 'Lantai 1',
      agencies: ['disdukcapil', 'samsat'],
      chime: false,
      lang: 'en',
    });
    expect(query.get('hub')).toBe('http://192.168.1.10:3000');
    const options = parseDisplayOptions(`?${query.toString()}`);
    expect(options.scope).toEqual({ zone: 'Lantai 1', agencyIds: ['disdukcapil', 'samsat'] });
    expect(options.sound).toEqual({ chime: false });
    expect(options.lang).toBe('en');
    expect(displayQuery(DEFAULT_DISPLAY_SETTINGS).toString()).toBe('hub=http%3A%2F%2F127.0.0.1%3A3000');
  });
});
