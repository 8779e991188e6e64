import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@antre/shared';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, startTestHub } from '@antre/hub/testing';
import { LAPTOP, adminShot, signInAdmin } from './admin-harness.js';

/**
 * The whole config as a file: exported from the console in the hall config file's format, changed, imported
 * back in one change (after a confirmation), and a broken file refused with the hub's reason, nothing changed.
 */
let hub: TestHub;
let browser: TestBrowser;
let pins: Map<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'antre-config-file-'));

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
  browser = await launchBrowser(LAPTOP);
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

describe('the hall config as a JSON file', () => {
  it('exports it, imports a changed copy live, and refuses a broken one with its reason', async () => {
    const p = await browser.context.newPage();
    p.setDefaultTimeout(10_000);
    await signInAdmin(p, hub.url, 'supervisor', pins.get('supervisor') ?? '');
    await p.getByRole('link', { name: 'Konfigurasi' }).click();
    const version = hub.service.configVersion;

    const download = p.waitForEvent('download');
    await p.getByRole('button', { name: 'Ekspor JSON' }).click();
    const file = join(dir, (await download).suggestedFilename());
    await (await download).saveAs(file);
    expect(file.endsWith(`konfigurasi-aula-v${version}.json`)).toBe(true);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as HallConfigInput;
    expect(exported.hall.name).toBe(hub.service.config.hall.name);
    expect(exported.services.map((s) => s.id)).toEqual(hub.service.config.services.map((s) => s.id));

    // A changed copy (the hall's name), imported after the confirmation: live, in one new version.
    const changed = join(dir, 'changed.json');
    writeFileSync(
      changed,
      JSON.stringify({ ...exported, hall: { ...exported.hall, name: 'MPP Uji Impor' } }),
    );
    p.once('dialog', (d) => void d.accept());
    await p.getByTestId('config-import-file').setInputFiles(changed);
    await p
      .getByRole('status')
      .getByText(/Konfigurasi dari changed\.json diimpor \(versi \d+\)\./)
      .waitFor();
    expect(hub.service.config.hall.name).toBe('MPP Uji Impor');
    expect(hub.service.configVersion).toBeGreaterThan(version);
    await adminShot(p, '60-config-imported');

    // A broken file: a service without its agency. The hub refuses, says where, and nothing changes.
    const before = hub.service.configVersion;
    const broken = join(dir, 'broken.json');
    const first = exported.services[0];
    writeFileSync(
      broken,
      JSON.stringify({
        ...exported,
        services: [{ ...first, agencyId: 'tidak-ada' }, ...exported.services.slice(1)],
      }),
    );
    p.once('dialog', (d) => void d.accept());
    await p.getByTestId('config-import-file').setInputFiles(broken);
    await p.getByRole('alert').waitFor();
    expect(hub.service.configVersion).toBe(before);
    expect(hub.service.config.hall.name).toBe('MPP Uji Impor');
    await adminShot(p, '61-config-import-refused');

    // Not JSON at all: said at once, nothing sent.
    const notJson = join(dir, 'catatan.json');
    writeFileSync(notJson, 'bukan json');
    await p.getByTestId('config-import-file').setInputFiles(notJson);
    await p.getByRole('alert').getByText('catatan.json bukan berkas JSON yang sah.').waitFor();
    expect(hub.service.configVersion).toBe(before);
    await p.close();
  });
});
