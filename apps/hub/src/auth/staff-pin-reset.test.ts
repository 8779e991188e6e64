import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hallConfig } from '@antre/shared';
import { verifyPin } from './pin-hash.js';
import { resetStaffPin } from './staff-pin-reset.js';

const DEMO = readFileSync(new URL('../../config/demo-hall.json', import.meta.url), 'utf8');
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function hallFile(text = DEMO): string {
  const dir = mkdtempSync(join(tmpdir(), 'antre-pin-'));
  dirs.push(dir);
  const file = join(dir, 'hall.json');
  writeFileSync(file, text);
  return file;
}

type StaffEntry = { username: string; pin?: string; pinHash?: string };
const staffOf = (text: string): StaffEntry[] => (JSON.parse(text) as { staff: StaffEntry[] }).staff;

describe('resetStaffPin', () => {
  it('writes a hash of a new 6-digit PIN in place of the plain pin, and changes nothing else', async () => {
    const file = hallFile();
    const pin = await resetStaffPin(file, 'dukcapil1');
    expect(pin).toMatch(/^\d{6}$/);
    const after = readFileSync(file, 'utf8');
    const entry = staffOf(after).find((s) => s.username === 'dukcapil1');
    expect(entry?.pin).toBeUndefined();
    expect(await verifyPin(pin, entry?.pinHash ?? '')).toBe(true);
    expect(await verifyPin('381047', entry?.pinHash ?? '')).toBe(false); // the demo PIN no longer works
    // One line differs: `"pin": …` became `"pinHash": …`.
    const before = DEMO.split('\n');
    const changed = after.split('\n').filter((line, i) => line !== before[i]);
    expect(changed).toEqual([`      "pinHash": "${entry?.pinHash ?? ''}"`]);
    expect(hallConfig.safeParse(JSON.parse(after)).success).toBe(true);
  });

  it('resets a PIN that is already hashed: the old one stops working', async () => {
    const file = hallFile();
    const first = await resetStaffPin(file, 'supervisor');
    const second = await resetStaffPin(file, 'supervisor');
    const entry = staffOf(readFileSync(file, 'utf8')).find((s) => s.username === 'supervisor');
    expect(await verifyPin(second, entry?.pinHash ?? '')).toBe(true);
    // One chance in a million that the new PIN is the old one.
    expect(await verifyPin(first, entry?.pinHash ?? '')).toBe(first === second);
  });

  it('refuses an unknown user name, or a file that is not a hall config, and leaves the file as it was', async () => {
    const file = hallFile();
    await expect(resetStaffPin(file, 'nobody')).rejects.toThrow(/no staff nobody/);
    expect(readFileSync(file, 'utf8')).toBe(DEMO);
    const broken = hallFile('{"hall":{}}');
    await expect(resetStaffPin(broken, 'dukcapil1')).rejects.toThrow(/not a valid hall config/);
    expect(readFileSync(broken, 'utf8')).toBe('{"hall":{}}');
  });
});
