import type { SettingsSchema } from '@antre/electron-shell';
import { printerEnvName } from '@antre/printer';

/** What an Electron kiosk keeps in its userData, set once by staff (the setup screen) or an install script. */
export interface KioskSettings {
  /** The hub, e.g. `http://10.20.0.2:3000`; null until set up. */
  hubUrl: string | null;
  /** This kiosk's id in the hall config. */
  kioskId: string | null;
  /** From enrolment; null in demo mode (same machine as the hub). */
  deviceToken: string | null;
  /** Overrides the hall config's printer for this kiosk, e.g. `file:///dev/usb/lp0`. */
  printerUrl: string | null;
  /** The hub as visitors' phones reach it, for the QR code; the hub URL when null. */
  publicUrl: string | null;
  idleSeconds: number;
  ticketSeconds: number;
  /** Fullscreen and locked; off only to set a kiosk up at a desk. */
  kioskMode: boolean;
}

export const DEFAULT_KIOSK_SETTINGS: KioskSettings = {
  hubUrl: null,
  kioskId: null,
  deviceToken: null,
  printerUrl: null,
  publicUrl: null,
  idleSeconds: 30,
  ticketSeconds: 15,
  kioskMode: true,
};

const HTTP_URL = /^https?:\/\/[^\s/?#]+(:\d{1,5})?\/?$/;
const PRINTER_URL = /^(tcp:\/\/[^\s/]+|file:\/\/\S+)$/;
const KIOSK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Validates the settings file by hand: the kiosk keeps its dependencies to what it prints and stores with. */
export const kioskSettingsSchema: SettingsSchema<KioskSettings> = {
  safeParse(input: unknown) {
    if (typeof input !== 'object' || input === null) return { success: false };
    const raw = input as Record<string, unknown>;
    const text = (key: string, pattern: RegExp): string | null | false => {
      const v = raw[key];
      if (v === null || v === undefined || v === '') return null;
      return typeof v === 'string' && pattern.test(v.trim()) ? v.trim() : false;
    };
    const seconds = (key: keyof KioskSettings, min: number, max: number): number | false => {
      const v = raw[key] ?? DEFAULT_KIOSK_SETTINGS[key];
      return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : false;
    };
    const hubUrl = text('hubUrl', HTTP_URL);
    const publicUrl = text('publicUrl', HTTP_URL);
    const kioskId = text('kioskId', KIOSK_ID);
    const printerUrl = text('printerUrl', PRINTER_URL);
    const deviceToken = text('deviceToken', /^\S{10,200}$/);
    const idleSeconds = seconds('idleSeconds', 10, 600);
    const ticketSeconds = seconds('ticketSeconds', 5, 300);
    const kioskMode = raw['kioskMode'] ?? true;
    if (
      hubUrl === false ||
      publicUrl === false ||
      kioskId === false ||
      printerUrl === false ||
      deviceToken === false ||
      idleSeconds === false ||
      ticketSeconds === false ||
      typeof kioskMode !== 'boolean'
    ) {
      return { success: false };
    }
    return {
      success: true,
      data: {
        hubUrl: hubUrl === null ? null : hubUrl.replace(/\/+$/, ''),
        kioskId,
        deviceToken,
        printerUrl,
        publicUrl: publicUrl === null ? null : publicUrl.replace(/\/+$/, ''),
        idleSeconds,
        ticketSeconds,
        kioskMode,
      },
    };
  },
};

/**
 * Settings the environment overrides on a one-machine setup or from an install script: ANTRE_HUB_URL,
 * ANTRE_KIOSK_ID, ANTRE_PRINTER (or ANTRE_PRINTER_<KIOSK_ID>, as the hub reads it), ANTRE_PUBLIC_URL,
 * ANTRE_KIOSK_WINDOWED=1 for a window instead of the locked fullscreen.
 */
export function withEnvironment(
  settings: KioskSettings,
  env: Readonly<Record<string, string | undefined>>,
): KioskSettings {
  const kioskId = env['ANTRE_KIOSK_ID'] ?? settings.kioskId;
  const printer = (kioskId === null ? undefined : env[printerEnvName(kioskId)]) ?? env['ANTRE_PRINTER'];
  const merged = {
    ...settings,
    hubUrl: env['ANTRE_HUB_URL'] ?? settings.hubUrl,
    kioskId,
    printerUrl: printer ?? settings.printerUrl,
    publicUrl: env['ANTRE_PUBLIC_URL'] ?? settings.publicUrl,
    kioskMode: env['ANTRE_KIOSK_WINDOWED'] === '1' ? false : settings.kioskMode,
  };
  const parsed = kioskSettingsSchema.safeParse(merged);
  if (!parsed.success) throw new Error('an ANTRE_* environment variable for the kiosk is malformed');
  return parsed.data;
}
