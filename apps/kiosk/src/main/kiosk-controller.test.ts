import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The settings store alone: the package's index also loads Electron, whose binary is not here.
import { SettingsStore } from '../../../../packages/electron-shell/src/settings-store.js';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, startTestHub } from '@antre/hub/testing';
import { silentLog } from '../agent/agent-log.js';
import { KioskController } from './kiosk-controller.js';
import type { KioskSettings } from './kiosk-settings.js';
import { DEFAULT_KIOSK_SETTINGS, kioskSettingsSchema } from './kiosk-settings.js';

let hub: TestHub;
let dir: string;

beforeAll(async () => {
  // Not demo mode: only an enrolled kiosk may issue.
  hub = await startTestHub({ config: (await demoHall()).config, demoMode: false });
  dir = mkdtempSync(join(tmpdir(), 'antre-kiosk-controller-'));
});

afterAll(async () => {
  await hub?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function controller(name: string, env: Record<string, string> = {}) {
  const file = join(dir, `${name}.json`);
  const settings = new SettingsStore<KioskSettings>(file, kioskSettingsSchema, DEFAULT_KIOSK_SETTINGS);
  return {
    file,
    c: new KioskController({ settings, env, dataDir: dir, log: silentLog, enrolTimeoutMs: 1500 }),
  };
}

describe('KioskController', () => {
  it('enrols a new kiosk with the pairing code, keeps the token and issues as that kiosk', async () => {
    const { c, file } = controller('fresh');
    expect(c.currentAgent).toBeUndefined();
    expect(c.snapshot().kioskId).toBeUndefined();

    const wrong = await c.enrol({ hubUrl: hub.url, kioskId: 'kiosk-2', pairingCode: '000000x' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_PAIRING_CODE' } });
    expect(c.currentAgent).toBeUndefined();

    expect(
      await c.enrol({ hubUrl: `${hub.url}/`, kioskId: 'kiosk-2', pairingCode: hub.pairingCode }),
    ).toEqual({ ok: true });
    const saved = JSON.parse(readFileSync(file, 'utf8')) as KioskSettings;
    expect(saved).toMatchObject({ hubUrl: hub.url, kioskId: 'kiosk-2' });
    expect(saved.deviceToken?.length).toBeGreaterThan(10);

    await vi.waitFor(() => expect(c.currentAgent?.conn.principal.kind).toBe('kiosk'));
    await vi.waitFor(() => expect(c.snapshot().config).toBeDefined());
    expect(c.snapshot()).toMatchObject({ kioskId: 'kiosk-2', connection: 'online' });
    const issued = await c.issueTicket({ serviceId: 'skck', priority: 'none', lang: 'id' });
    expect(issued).toMatchObject({ ok: true, ticket: { offline: false } });
    expect(Object.values(hub.service.state.tickets).at(-1)?.origin).toMatchObject({ kioskId: 'kiosk-2' });
    await c.close();
  });

  it('says when no hub answers, and changes nothing', async () => {
    const { c } = controller('unreachable');
    const reply = await c.enrol({ hubUrl: 'http://127.0.0.1:9', kioskId: 'kiosk-1', pairingCode: '123456' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'HUB_UNREACHABLE' } });
    expect(await c.enrol({ hubUrl: 'not a url', kioskId: 'kiosk-1', pairingCode: '1' })).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(c.currentAgent).toBeUndefined();
    await c.close();
  });

  it('runs the kiosk the environment names, without saving it', async () => {
    const { c, file } = controller('env', { ANTRE_HUB_URL: hub.url, ANTRE_KIOSK_ID: 'kiosk-1' });
    expect(c.currentAgent?.kioskId).toBe('kiosk-1');
    expect(c.settings().hubUrl).toBe(hub.url);
    expect(() => readFileSync(file)).toThrow();
    await c.close();
  });
});
