import type { SettingsSchema } from '@antre/electron-shell';
import { normalizeHubUrl } from '../common/hub-url.js';

/** What a counter machine keeps in its userData: only where the hub is (the session lives in the renderer). */
export interface CounterSettings {
  hubUrl: string | null;
}

export const DEFAULT_COUNTER_SETTINGS: CounterSettings = { hubUrl: null };

export const counterSettingsSchema: SettingsSchema<CounterSettings> = {
  safeParse(input: unknown) {
    if (typeof input !== 'object' || input === null) return { success: false };
    const raw = (input as Record<string, unknown>)['hubUrl'];
    if (raw === null || raw === undefined) return { success: true, data: { hubUrl: null } };
    const hubUrl = typeof raw === 'string' ? normalizeHubUrl(raw) : undefined;
    return hubUrl === undefined ? { success: false } : { success: true, data: { hubUrl } };
  },
};
