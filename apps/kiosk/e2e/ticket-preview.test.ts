import { afterAll, beforeAll, expect, it } from 'vitest';
import { create } from 'qrcode';
import type { HallConfig } from '@antre/shared';
import { publicHallConfig } from '@antre/shared';
import type { TestBrowser } from '@antre/hub/testing';
import { MONDAY_9AM_WIB, demoHall, launchBrowser, screenshotPath } from '@antre/hub/testing';
import type { PaperWidth } from '@antre/printer';
import { encodeTicket, printableTicket } from '@antre/printer';
import { decodeEscPos, renderReceiptSvg } from '@antre/printer/testing';

/** Printed tickets drawn from the very bytes a printer gets, to be looked at without a printer. */
let config: HallConfig;
let browser: TestBrowser;

beforeAll(async () => {
  config = (await demoHall()).config;
  browser = await launchBrowser({ width: 800, height: 600 });
});

afterAll(async () => {
  await browser?.close();
});

function qrModules(payload: string): boolean[][] {
  const { modules } = create(payload, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => Boolean(modules.get(r, c))),
  );
}

const cases: Array<{
  name: string;
  paper: PaperWidth;
  serviceId: string;
  lang: 'id' | 'en';
  priority: 'none' | 'elderly';
}> = [
  { name: 'ticket-80mm-id', paper: 80, serviceId: 'perekaman-ktp-el', lang: 'id', priority: 'none' },
  { name: 'ticket-80mm-priority', paper: 80, serviceId: 'akta-kelahiran', lang: 'id', priority: 'elderly' },
  { name: 'ticket-58mm-en', paper: 58, serviceId: 'pendaftaran-bpu', lang: 'en', priority: 'none' },
];

for (const c of cases) {
  it(`draws a ${c.paper} mm ticket (${c.name}) from its ESC/POS bytes`, async () => {
    const ticket = {
      id: '3f1c9a52-8d0e-4c6b-9a57-2f4e1b7d9c30',
      serviceId: c.serviceId,
      displayNumber: c.priority === 'none' ? 'A-027' : 'D-004',
      issuedAt: MONDAY_9AM_WIB + 14 * 60_000,
      priority: c.priority,
    };
    const bytes = encodeTicket(
      printableTicket({
        config: publicHallConfig(config),
        ticket,
        // A long queue: the likely span is wide, so the ticket prints it (issue 12).
        estimate: { ahead: 6, minutes: 35, low: 22, high: 49 },
        publicUrl: 'http://10.20.0.2:3000',
        lang: c.lang,
      }),
      c.paper,
    );
    const svg = renderReceiptSvg(decodeEscPos(bytes), { paperWidth: c.paper, qrModules });
    expect(svg).toContain(ticket.displayNumber);
    expect(svg).toContain('20-50');
    const page = await browser.context.newPage();
    await page.setContent(
      `<body style="margin:0;background:#d9dee5;display:inline-block;padding:24px">${svg}</body>`,
    );
    await page.locator('svg').screenshot({ path: screenshotPath('kiosk', c.name) });
    await page.close();
  });
}
