import { readFile } from 'node:fs/promises';
import type { HallConfig } from '@antre/shared';
import { hallConfig } from '@antre/shared';
import { hashPin } from './auth/pin-hash.js';

export interface LoadedConfig {
  config: HallConfig;
  /** Demo accounts whose plain PINs the start-up log prints. Empty for a real hall (pinHash only). */
  demoPins: Array<{ username: string; pin: string }>;
}

/** Reads and validates the hall config file; plain demo PINs are hashed here and never kept. */
export async function loadHallConfig(file: string): Promise<LoadedConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read hall config ${file}: ${(err as Error).message}`);
  }
  return prepareHallConfig(raw, file);
}

export async function prepareHallConfig(raw: unknown, source = 'hall config'): Promise<LoadedConfig> {
  const parsed = hallConfig.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${source} is not valid:\n${issues}`);
  }
  const config = parsed.data;
  const demoPins: LoadedConfig['demoPins'] = [];
  for (const staff of config.staff) {
    if (staff.pin !== undefined) {
      demoPins.push({ username: staff.username, pin: staff.pin });
      staff.pinHash ??= await hashPin(staff.pin);
      delete staff.pin;
    }
  }
  return { config, demoPins };
}
