import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareHallConfig } from './config-loader.js';
import { hashPin, verifyPin } from './auth/pin-hash.js';

const demo = (): { staff: Array<Record<string, unknown>> } =>
  JSON.parse(readFileSync(new URL('../config/demo-hall.json', import.meta.url), 'utf8')) as {
    staff: Array<Record<string, unknown>>;
  };

describe('prepareHallConfig', () => {
  it('in demo mode hashes the plain PINs and hands them back to be printed', async () => {
    const { config, demoPins } = await prepareHallConfig(demo(), { demoMode: true });
    expect(demoPins).toContainEqual({ username: 'dukcapil1', pin: '381047' });
    const staff = config.staff.find((s) => s.username === 'dukcapil1');
    expect(staff?.pin).toBeUndefined();
    expect(await verifyPin('381047', staff?.pinHash ?? '')).toBe(true);
  });

  it('outside demo mode refuses plain PINs, naming the accounts and how to set hashed ones', async () => {
    const raw = demo();
    // Hashed PINs for all but two: those two are named, the others not.
    const hash = await hashPin('135790');
    for (const s of raw.staff) {
      if (s['username'] !== 'samsat1' && s['username'] !== 'supervisor') {
        delete s['pin'];
        s['pinHash'] = hash;
      }
    }
    const refusal = prepareHallConfig(raw, { demoMode: false }, 'hall.json');
    await expect(refusal).rejects.toThrow(/hall\.json holds plain PINs \(`pin`\) for samsat1, supervisor\./);
    await expect(refusal).rejects.toThrow(/npm run pin -- <username>/);
    await expect(refusal).rejects.toThrow(/PIN yang tidak di-hash/);
    await expect(refusal).rejects.not.toThrow(/381047|864019|246810/);
  });

  it('outside demo mode refuses a plain PIN even beside a hash, and takes a config of hashes only', async () => {
    const raw = demo();
    const hash = await hashPin('135790');
    for (const s of raw.staff) s['pinHash'] = hash;
    await expect(prepareHallConfig(raw, { demoMode: false })).rejects.toThrow(/plain PINs/);
    for (const s of raw.staff) delete s['pin'];
    const { config, demoPins } = await prepareHallConfig(raw, { demoMode: false });
    expect(demoPins).toEqual([]);
    expect(config.staff.every((s) => s.pinHash === hash && s.pin === undefined)).toBe(true);
  });
});
