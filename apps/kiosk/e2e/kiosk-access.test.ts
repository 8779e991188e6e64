import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { HubConnection } from '@antre/client';
import type { TestBrowser, TestHub } from '@antre/hub/testing';
import { demoHall, launchBrowser, screenshotPath, startTestHub } from '@antre/hub/testing';
import { busyMorning } from './hall-activity.js';

let hub: TestHub;
let browser: TestBrowser;
let clients: HubConnection[] = [];

beforeAll(async () => {
  const demo = await demoHall();
  hub = await startTestHub({ config: demo.config });
  clients = await busyMorning(hub, demo.pins);
  browser = await launchBrowser({ width: 1920, height: 1080 });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await hub?.dispose();
});

/** A voice in each language that records what it reads: headless Chromium has no voices of its own. */
const FAKE_SPEECH = () => {
  const w = window as unknown as Record<string, unknown> & { spoken: Array<{ text: string; lang: string }> };
  w.spoken = [];
  const voices = [
    { lang: 'id-ID', name: 'Bahasa Indonesia' },
    { lang: 'en-US', name: 'English' },
  ];
  class Utterance {
    lang = '';
    voice: unknown = null;
    rate = 1;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(readonly text: string) {}
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
  Object.defineProperty(window, 'speechSynthesis', {
    value: {
      getVoices: () => voices,
      addEventListener: () => undefined,
      cancel: () => undefined,
      speak: (u: Utterance) => {
        w.spoken.push({ text: u.text, lang: u.lang });
        setTimeout(() => u.onend?.(), 50);
      },
    },
  });
};

/**
 * A kiosk page `width` × `height` CSS pixels at `scale` device pixels each: a 1920 × 1080 screen at a browser
 * zoom of 200 % is 960 × 540 at scale 2, exactly as the browser lays it out.
 */
async function kioskPage(width: number, height: number, scale = 1, kiosk = 'kiosk-1'): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.setViewportSize({ width, height });
  if (scale !== 1) {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width,
      height,
      deviceScaleFactor: scale,
      mobile: false,
    });
  }
  await page.addInitScript(FAKE_SPEECH);
  await page.clock.install({ time: hub.clock.now() });
  await page.goto(`${hub.url}/kiosk/?kiosk=${kiosk}`);
  await page.getByTestId('agency-disdukcapil').waitFor();
  return page;
}

/** Whether the element is on screen whole (not cut by the viewport, not scrolled away) and on top there. */
async function wholeInView(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const inView = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const notCut = el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1;
    return inView && notCut && r.width > 0 && (top === el || el.contains(top));
  });
}

const SIZES = [
  { name: 'landscape', width: 960, height: 540 },
  { name: 'portrait', width: 540, height: 960 },
] as const;

describe('the kiosk at 200 % zoom and in large text', () => {
  for (const size of SIZES) {
    it(`keeps the take-ticket button in sight and the number whole at 200 % on a ${size.name} screen`, async () => {
      const page = await kioskPage(size.width, size.height, 2);
      const shot = (name: string) =>
        page.screenshot({ path: screenshotPath('kiosk', `zoom200-${size.name}-${name}`) });
      await shot('1-home');
      // The header keeps the whole hall name.
      expect(await wholeInView(page.locator('.kiosk-hall-name'))).toBe(true);
      await page.getByTestId('agency-disdukcapil').click();
      await page.getByTestId('service-perekaman-ktp-el').click();
      await page.getByTestId('take-number').waitFor();
      expect(await wholeInView(page.getByTestId('take-number'))).toBe(true);
      await shot('2-service');
      await page.getByTestId('take-number').click();
      await page.getByTestId('ticket-screen').waitFor();
      expect(await wholeInView(page.getByTestId('ticket-number'))).toBe(true);
      await shot('3-ticket');
      await page.close();
    });
  }

  it('switches to large text at a touch, reflows, and is back to normal for the next citizen', async () => {
    const page = await kioskPage(1920, 1080);
    const shot = (name: string) => page.screenshot({ path: screenshotPath('kiosk', `large-text-${name}`) });
    const tileWidth = () =>
      page.getByTestId('agency-disdukcapil').evaluate((el) => el.getBoundingClientRect().width);
    const normal = await tileWidth();
    await page.getByTestId('large-text').click();
    expect(await page.getByTestId('large-text').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).zoom)).toBe('1.5');
    // Fewer, larger tiles: the layout of a smaller screen, not the same one cut off.
    expect(await tileWidth()).toBeGreaterThan(normal);
    await shot('1-home');
    await page.getByTestId('agency-disdukcapil').click();
    await page.getByTestId('service-perekaman-ktp-el').click();
    expect(await wholeInView(page.getByTestId('take-number'))).toBe(true);
    await shot('2-service');
    await page.getByTestId('take-number').click();
    await page.getByTestId('ticket-screen').waitFor();
    expect(await wholeInView(page.getByTestId('ticket-number'))).toBe(true);
    await shot('3-ticket');
    await page.getByTestId('done').click();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).zoom)).toBe('1');
    expect(await page.getByTestId('large-text').getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('has a large-text portrait layout too', async () => {
    const page = await kioskPage(1080, 1920);
    await page.getByTestId('large-text').click();
    await page.getByTestId('agency-disdukcapil').click();
    await page.getByTestId('service-perekaman-ktp-el').click();
    expect(await wholeInView(page.getByTestId('take-number'))).toBe(true);
    await page.screenshot({ path: screenshotPath('kiosk', 'large-text-portrait-service') });
    await page.close();
  });
});

describe('the kiosk for every citizen', () => {
  it('reads each screen aloud in Indonesian, or English when chosen', async () => {
    const page = await kioskPage(1920, 1080);
    const spoken = () =>
      page.evaluate(() => (window as unknown as { spoken: Array<{ text: string; lang: string }> }).spoken);
    await page.getByTestId('listen').click();
    await expect.poll(async () => (await spoken()).length).toBe(1);
    expect((await spoken())[0]).toMatchObject({ lang: 'id-ID' });
    expect((await spoken())[0]?.text).toContain('Selamat datang di MPP Kota Padang Panjang');
    await page.screenshot({ path: screenshotPath('kiosk', 'listen-home') });

    await page.getByTestId('agency-disdukcapil').click();
    await page.getByTestId('service-perekaman-ktp-el').click();
    await page.getByTestId('listen').click();
    await expect.poll(async () => (await spoken()).length).toBe(2);
    const service = (await spoken())[1]?.text ?? '';
    expect(service).toContain(
      'Persyaratan yang perlu disiapkan: Berusia 17 tahun atau sudah menikah; Kartu Keluarga (KK).',
    );
    expect(service).toContain('Dilayani di Loket 2 sampai 3, Lantai 1.');
    expect(service).toContain('Ambil Nomor Antrean');

    await page.getByTestId('take-number').click();
    await page.getByTestId('ticket-screen').waitFor();
    const number = (await page.getByTestId('ticket-number').textContent()) ?? '';
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('listen').click();
    await expect.poll(async () => (await spoken()).length).toBe(3);
    const ticket = (await spoken())[2];
    expect(ticket?.lang).toBe('en-US');
    expect(ticket?.text).toContain(`Your queue number: A, ${Number(number.slice(2))}.`);
    expect(ticket?.text).toContain('Wait to be called to Counters 2 to 3, Lantai 1.');
    await page.close();
  });

  it('tells agencies apart by their badges, and counts one service as one', async () => {
    const page = await kioskPage(1920, 1080);
    const codes = await page.locator('.agency-code').allTextContents();
    expect(codes).toHaveLength(14);
    expect(new Set(codes).size).toBe(14);
    expect(await page.getByTestId('agency-disdukcapil').locator('.agency-code').textContent()).toBe('DUK');
    expect(await page.getByTestId('agency-dpmptsp').locator('.agency-code').textContent()).toBe('DPM');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByTestId('agency-informasi-mpp').textContent()).toContain('1 service');
    expect(await page.getByTestId('agency-informasi-mpp').textContent()).not.toContain('1 services');
    expect(await page.getByTestId('agency-samsat').textContent()).toContain('3 services');
    await page.screenshot({ path: screenshotPath('kiosk', 'home-en') });
    await page.close();
  });
});

/** What citizens type, and the service they mean (first in the list); "sim" is a service this hall lacks. */
const QUERIES: ReadonlyArray<[string, string | undefined]> = [
  ['kk', 'kartu-keluarga'],
  ['lahir', 'akta-kelahiran'],
  ['akte lahir', 'akta-kelahiran'],
  ['nikah', undefined],
  ['e-ktp', 'perekaman-ktp-el'],
  ['sim', undefined],
  ['paspor', 'paspor-baru'],
  ['npwp', 'aktivasi-npwp-efin'],
  ['skck', 'skck'],
  ['pajak motor', 'pajak-kendaraan-tahunan'],
  ['sertipikat', 'pengecekan-sertifikat'],
  ['bpjs', 'pendaftaran-jkn-mandiri'],
];

describe('the kiosk search', () => {
  it('finds what citizens type: abbreviations, words inside words, misspellings', async () => {
    const page = await kioskPage(1920, 1080);
    const search = page.getByTestId('search');
    const first = () => page.locator('.search-results .service-card').first().getAttribute('data-testid');
    for (const [query, service] of QUERIES) {
      await search.fill(query);
      if (service === undefined) continue;
      await expect.poll(first, { message: query }).toBe(`service-${service}`);
    }
    await search.fill('nikah');
    await page.getByTestId('service-kartu-keluarga').waitFor();
    await page.getByTestId('service-legalisir-dokumen').waitFor();
    await page.screenshot({ path: screenshotPath('kiosk', 'search-nikah') });
    await search.fill('sim');
    await page.getByText('Layanan tidak ditemukan di sini').waitFor();
    expect(await page.locator('.search-results .service-card').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('kiosk', 'search-none') });
    await page.close();
  });
});
