import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HallConfig } from '@antre/shared';
import { hallConfig } from '@antre/shared';
import { hashPin } from './auth/pin-hash.js';

export interface LoadedConfig {
  config: HallConfig;
  /** Demo accounts whose plain PINs the start-up log prints. Empty for a real hall (pinHash only). */
  demoPins: Array<{ username: string; pin: string }>;
}

export interface ConfigOptions {
  /**
   * A demo hall may hold plain `pin`s: they are hashed here and the hub prints them. Outside demo mode a plain
   * PIN is a known PIN: the config is refused.
   */
  demoMode: boolean;
}

/** The hall config file the hub and its commands use: HALL_CONFIG, else the demo hall. */
export function hallConfigFile(): string {
  return resolve(
    process.env['HALL_CONFIG'] ?? fileURLToPath(new URL('../config/demo-hall.json', import.meta.url)),
  );
}

/** Reads and validates the hall config file; plain demo PINs are hashed here and never kept. */
export async function loadHallConfig(file: string, options: ConfigOptions): Promise<LoadedConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read hall config ${file}: ${(err as Error).message}`);
  }
  return prepareHallConfig(raw, options, file);
}

export async function prepareHallConfig(
  raw: unknown,
  options: ConfigOptions,
  source = 'hall config',
): Promise<LoadedConfig> {
  const parsed = hallConfig.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${source} is not valid:\n${issues}`);
  }
  const config = parsed.data;
  const plain = config.staff.filter((s) => s.pin !== undefined).map((s) => s.username);
  if (!options.demoMode && plain.length > 0) throw new Error(plainPinsRefused(source, plain));
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

function plainPinsRefused(source: string, usernames: string[]): string {
  const who = usernames.join(', ');
  return [
    `${source} berisi PIN yang tidak di-hash (\`pin\`) untuk ${who}. MPP sungguhan (ANTRE_DEMO=0) hanya` +
      ' menerima PIN yang di-hash (`pinHash`). Buat PIN baru untuk tiap nama dengan `npm run pin -- <username>`.',
    `${source} holds plain PINs (\`pin\`) for ${who}. A real hall (ANTRE_DEMO=0) takes hashed PINs` +
      ' (`pinHash`) only. Give each a new one with `npm run pin -- <username>`: it writes the pinHash into the' +
      ' file HALL_CONFIG names, removes the plain pin, and prints the new PIN once.',
  ].join('\n');
}
