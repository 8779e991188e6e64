import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { create } from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '@antre/hub/testing';
import { CHROMIUM_PATH, demoHall, screenshotPath, startTestHub } from '@antre/hub/testing';
import { hallInstant } from '@antre/shared';

/**
 * The kiosk's camera reads the booking's QR: Chromium's fake camera plays a video made here, whose frames
 * show a QR of another hall's code (refused, said on the screen) and then the booking's code (checked in).
 * Debian's Chromium on Linux has no `BarcodeDetector`, so this is jsQR, loaded with the check-in screen.
 */
const DAY = '2026-12-01';
const at = (clock: string) => hallInstant(DAY, clock, 'Asia/Jakarta');
const WIDTH = 640;
const HEIGHT = 480;
/** Frames per second of the fake camera, and how many frames each QR is shown. */
const FPS = 2;
const FRAMES_EACH = 8;

let hub: TestHub;
let context: BrowserContext;
let dir: string;

/** One grey frame (Y plane, then neutral U and V) with the QR of `text` in the middle, dark on light. */
function qrFrame(text: string): Buffer {
  const qr = create(text, { errorCorrectionLevel: 'M' }).modules;
  const quiet = 4;
  const scale = Math.floor((HEIGHT - 40) / (qr.size + 2 * quiet));
  const side = scale * (qr.size + 2 * quiet);
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  const y = Buffer.alloc(WIDTH * HEIGHT, 200);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const mr = Math.floor(r / scale) - quiet;
      const mc = Math.floor(c / scale) - quiet;
      const dark = mr >= 0 && mc >= 0 && mr < qr.size && mc < qr.size && qr.get(mr, mc) === 1;
      y[(top + r) * WIDTH + left + c] = dark ? 16 : 235;
    }
  }
  return Buffer.concat([Buffer.from('FRAME\n'), y, Buffer.alloc((WIDTH * HEIGHT) / 2, 128)]);
}

/** A Y4M video: each text's QR for `FRAMES_EACH` frames, in turn (Chromium plays it in a loop). */
function qrVideo(texts: readonly string[]): Buffer {
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F${FPS}:1 Ip A1:1 C420jpeg\n`);
  const frames = texts.flatMap((t) => Array.from({ length: FRAMES_EACH }, () => qrFrame(t)));
  return Buffer.concat([header, ...frames]);
}

beforeAll(async () => {
  const demo = await demoHall();
  hub = await startTestHub({ config: demo.config });
  const res = await fetch(`${hub.url}/api/booking`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      serviceId: 'skck',
      day: DAY,
      slotStart: at('10:00'),
      name: 'Warga',
      nik: '1374015708900001',
      phone: '081200001111',
    }),
  });
  const reply = (await res.json()) as { ok: boolean; booking?: { code: string } };
  if (!reply.booking) throw new Error(`booking refused: ${JSON.stringify(reply)}`);
  hub.clock.t = at('09:50');
  dir = mkdtempSync(join(tmpdir(), 'antre-camera-'));
  const video = join(dir, 'qr.y4m');
  writeFileSync(video, qrVideo(['ZZ-ABCDEF', reply.booking.code]));
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1920, height: 1080 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await hub?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('check-in by the kiosk camera', () => {
  it('reads a QR held up to the camera: another hall’s code refused, the booking’s checked in', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${hub.url}/kiosk/?kiosk=kiosk-1`);
    await page.getByTestId('check-in-entry').click();
    await page.getByTestId('check-in-screen').waitFor();
    await expect.poll(() => page.getByTestId('camera-scanner').getAttribute('data-live')).toBe('true');
    await expect
      .poll(() => page.getByTestId('check-in-problem').textContent(), { timeout: 20_000 })
      .toContain('mal pelayanan lain');
    await page.screenshot({ path: screenshotPath('kiosk', 'check-in-camera') });
    await page.getByTestId('ticket-screen').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('ticket-appointment').textContent()).toBe('Janji temu 10.00');
    const ticket = Object.values(hub.service.state.tickets).find((t) => t.appointment !== undefined);
    expect(ticket?.appointment?.slotStart).toBe(at('10:00'));
  }, 90_000);
});
