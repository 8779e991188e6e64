import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SettingsStore } from './settings-store.js';

const schema = z.object({ hubUrl: z.url(), deviceToken: z.string().optional() });
const defaults: z.infer<typeof schema> = { hubUrl: 'http://127.0.0.1:3000' };
const dirs: string[] = [];

function file(): string {
  const dir = mkdtempSync(join(tmpdir(), 'antre-settings-'));
  dirs.push(dir);
  return join(dir, 'settings.json');
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('gives the defaults when there is no file, and keeps an update across instances', () => {
    const path = file();
    expect(new SettingsStore(path, schema, defaults).get()).toEqual(defaults);
    new SettingsStore(path, schema, defaults).update({ deviceToken: 'token-123' });
    expect(new SettingsStore(path, schema, defaults).get()).toEqual({
      ...defaults,
      deviceToken: 'token-123',
    });
  });

  it('falls back to the defaults on a damaged file', () => {
    const path = file();
    writeFileSync(path, '{"hubUrl": ');
    expect(new SettingsStore(path, schema, defaults).get()).toEqual(defaults);
    writeFileSync(path, JSON.stringify({ hubUrl: 'not a url' }));
    expect(new SettingsStore(path, schema, defaults).get()).toEqual(defaults);
  });

  it('refuses an invalid update and keeps the file as it was', () => {
    const path = file();
    const store = new SettingsStore(path, schema, defaults);
    store.update({ hubUrl: 'http://10.0.0.2:3000' });
    expect(() => store.update({ hubUrl: 'nope' })).toThrow('invalid settings');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ hubUrl: 'http://10.0.0.2:3000' });
    expect(store.get().hubUrl).toBe('http://10.0.0.2:3000');
  });
});
