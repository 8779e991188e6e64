import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_SETTINGS, kioskSettingsSchema, withEnvironment } from './kiosk-settings.js';

describe('kiosk settings', () => {
  it('accepts a complete kiosk and tidies the URLs', () => {
    const parsed = kioskSettingsSchema.safeParse({
      ...DEFAULT_KIOSK_SETTINGS,
      hubUrl: 'http://10.20.0.2:3000/',
      kioskId: 'kiosk-2',
      deviceToken: 'abcdefghijklmnop',
      printerUrl: 'file:///dev/usb/lp0',
    });
    expect(parsed).toEqual({
      success: true,
      data: expect.objectContaining({
        hubUrl: 'http://10.20.0.2:3000',
        kioskId: 'kiosk-2',
        printerUrl: 'file:///dev/usb/lp0',
      }),
    });
  });

  it('refuses what would break the kiosk', () => {
    for (const bad of [
      { hubUrl: 'ftp://hub' },
      { hubUrl: 'http://hub/path?x' },
      { kioskId: 'Kiosk 1' },
      { printerUrl: 'lpt1' },
      { idleSeconds: 2 },
      { kioskMode: 'yes' },
    ]) {
      expect(kioskSettingsSchema.safeParse({ ...DEFAULT_KIOSK_SETTINGS, ...bad }).success).toBe(false);
    }
    expect(kioskSettingsSchema.safeParse(null).success).toBe(false);
  });

  it('lets the environment override a one-machine setup', () => {
    const settings = withEnvironment(DEFAULT_KIOSK_SETTINGS, {
      ANTRE_HUB_URL: 'http://127.0.0.1:3000',
      ANTRE_KIOSK_ID: 'kiosk-1',
      ANTRE_PRINTER_KIOSK_1: 'tcp://10.20.0.31:9100',
      ANTRE_PRINTER: 'file:///dev/usb/lp0',
      ANTRE_KIOSK_WINDOWED: '1',
    });
    expect(settings).toMatchObject({
      hubUrl: 'http://127.0.0.1:3000',
      kioskId: 'kiosk-1',
      printerUrl: 'tcp://10.20.0.31:9100',
      kioskMode: false,
    });
    expect(withEnvironment(DEFAULT_KIOSK_SETTINGS, { ANTRE_PRINTER: 'file:///dev/usb/lp0' }).printerUrl).toBe(
      'file:///dev/usb/lp0',
    );
    expect(() => withEnvironment(DEFAULT_KIOSK_SETTINGS, { ANTRE_HUB_URL: 'hub' })).toThrow(/malformed/);
  });
});
