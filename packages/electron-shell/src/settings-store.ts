import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SettingsSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

/**
 * A device's local settings (hub URL, device token, chosen screen) as a JSON file in Electron's userData.
 * A missing or damaged file gives the defaults; writes go through a temporary file so a power cut
 * mid-write never leaves half a file.
 */
export class SettingsStore<T extends object> {
  private value: T;

  constructor(
    private readonly file: string,
    private readonly schema: SettingsSchema<T>,
    private readonly defaults: T,
  ) {
    this.value = this.read();
  }

  get(): T {
    return this.value;
  }

  update(patch: Partial<T>): T {
    const next = { ...this.value, ...patch };
    const parsed = this.schema.safeParse(next);
    if (!parsed.success) throw new Error('invalid settings');
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(parsed.data, null, 2));
    renameSync(`${this.file}.tmp`, this.file);
    this.value = parsed.data;
    return this.value;
  }

  private read(): T {
    try {
      const parsed = this.schema.safeParse({
        ...this.defaults,
        ...JSON.parse(readFileSync(this.file, 'utf8')),
      });
      return parsed.success ? parsed.data : this.defaults;
    } catch {
      return this.defaults;
    }
  }
}
