import { randomInt } from 'node:crypto';
import { chmod, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { hallConfig } from '@antre/shared';
import { formatConfigJson } from '../config-json.js';
import { hashPin } from './pin-hash.js';

/**
 * Gives a staff member of the hall config `file` a new random 6-digit PIN: writes its scrypt `pinHash` into the
 * file in place of any plain `pin`, and returns the PIN, which exists nowhere else. The rest of the file is
 * kept as it was (fields, order, layout). The hub reads the file at start: it takes effect at the next start.
 */
export async function resetStaffPin(file: string, username: string): Promise<string> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  const parsed = hallConfig.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${file} is not a valid hall config: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  const entry = staffEntry(raw, username);
  if (!entry) {
    const known = parsed.data.staff.map((s) => s.username).join(', ');
    throw new Error(`no staff ${username} in ${file} (staff: ${known})`);
  }
  const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
  entry['pinHash'] = await hashPin(pin);
  delete entry['pin'];
  // Written beside it, then renamed over it: a crash leaves the old file or the new one, never half of one.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, formatConfigJson(raw));
  await chmod(temp, (await stat(file)).mode & 0o777);
  await rename(temp, file);
  return pin;
}

/** The staff entry of `username` in the unvalidated file, to change it in place. */
function staffEntry(raw: unknown, username: string): Record<string, unknown> | undefined {
  if (!isRecord(raw) || !Array.isArray(raw['staff'])) return undefined;
  const staff: unknown[] = raw['staff'];
  return staff.filter(isRecord).find((s) => s['username'] === username);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
