import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { HubConnection } from '@antre/client';
import type { ReadonlyTicket } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import {
  connect,
  demoHall,
  kioskCredentials,
  screenshotPath,
  startTestHub,
  waitFor,
} from '@antre/hub/testing';
import {
  counterMachine,
  feedbackSays,
  launchCounterBrowser,
  numberAfter,
  openCounter,
  signInAt,
} from './counter-harness.js';

/**
 * Staff change a visit at the counter: the citizen of *Pindah datang* is at Disdukcapil's loket 4 for the
 * moving letter; staff move the KTP-el after the JKN change (the package allows it; the KK cannot move after
 * the KTP-el), skip the KTP-el, add a birth certificate, and at last end the visit. Every button is offered
 * exactly when the hub would accept it, and each change reaches the hub's log once.
 */
let hub: TestHub;
let browser: Browser;
let kiosk: HubConnection;
let loket4: Page;
let pins: Map<string, string>;

const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath('counter', name) });

function ticket(displayNumber: string): ReadonlyTicket {
  const t = Object.values(hub.service.state.tickets).find((x) => x.displayNumber === displayNumber);
  if (!t) throw new Error(`no ticket ${displayNumber}`);
  return t;
}

const legs = (n: string) => ticket(n).visit?.legs.map((l) => `${l.serviceId}:${l.status}`);
const logged = (type: string) =>
  hub.store.eventsSince(0, 100_000).filter((e) => e.event.type === type).length;
/** The row of the visit panel for a service, by its name on screen. */
const legRow = (name: string) => loket4.getByTestId('visit-panel').locator('li', { hasText: name });

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
  browser = await launchCounterBrowser();
  kiosk = connect(hub.url, kioskCredentials());
  await waitFor(kiosk, () => kiosk.status === 'online' && kiosk.state !== undefined);
  loket4 = await counterMachine(browser);
});

afterAll(async () => {
  kiosk?.close();
  await browser?.close();
  await hub?.dispose();
});

it('moves, skips, adds and ends legs from the counter, each offered only when the hub accepts it', async () => {
  const reply = await kiosk.command({ type: 'issueTicket', packageId: 'pindah-datang' });
  if (!reply.ok) throw new Error(reply.error.code);
  const issued = reply.events[0]?.event;
  if (issued?.type !== 'TicketIssued') throw new Error('no ticket');
  const n = issued.ticket.displayNumber;

  await signInAt(loket4, hub.url, 'dukcapil1', pins.get('dukcapil1') ?? '', '4');
  await openCounter(loket4);
  await loket4.keyboard.press('F1');
  expect(await numberAfter(loket4, undefined)).toBe(n);
  await loket4.keyboard.press('F3');
  await loket4.getByText('Sedang dilayani', { exact: true }).waitFor();
  const panel = loket4.getByTestId('visit-panel');
  await panel.getByRole('heading', { name: /Rencana kunjungan · 0\/4/ }).waitFor();

  // The law's order: the KK cannot go after the KTP-el, and says so; the KTP-el may go after the JKN change.
  const kk = legRow('Kartu Keluarga');
  const later = (row: typeof kk) =>
    row.locator('[data-visit-command="reorderVisitLegs"]').filter({ hasText: '↓' });
  const earlier = (row: typeof kk) =>
    row.locator('[data-visit-command="reorderVisitLegs"]').filter({ hasText: '↑' });
  expect(await later(kk).isDisabled()).toBe(true);
  expect(await later(kk).getAttribute('title')).toMatch(/^paket: Kartu Keluarga .* sebelum /);
  const ktp = legRow('KTP-el');
  expect(await earlier(ktp).isDisabled()).toBe(true);
  expect(await later(ktp).isDisabled()).toBe(false);
  await shot(loket4, '60-visit-controls');

  await later(ktp).click();
  await feedbackSays(loket4, `Urutan layanan kunjungan ${n} diubah.`);
  expect(ticket(n).visit?.sequence).toEqual([1, 3, 2]);
  await expect.poll(() => earlier(legRow('KTP-el')).isDisabled()).toBe(false);

  // Skip the KTP-el: the leg is skipped, its buttons go.
  await legRow('KTP-el').locator('[data-visit-command="skipVisitLeg"]').click();
  await feedbackSays(loket4, new RegExp(`dilewati pada kunjungan ${n}\\.`));
  expect(legs(n)).toEqual([
    'surat-pindah:active',
    'kartu-keluarga:pending',
    'cetak-ulang-ktp-el:skipped',
    'perubahan-data-jkn:pending',
  ]);
  await legRow('KTP-el').getByText('Dilewati').waitFor();
  expect(await legRow('KTP-el').locator('button').count()).toBe(0);

  // Add a service: the dialog lists what the visit does not hold yet; the one picked joins the plan.
  await panel.locator('[data-visit-action="addLeg"]').click();
  const dialog = loket4.getByRole('dialog');
  await dialog.getByRole('heading', { name: `Tambah layanan ke kunjungan ${n}` }).waitFor();
  expect(await dialog.locator('.add-leg-row', { hasText: 'Surat Pindah' }).count()).toBe(0);
  await loket4.keyboard.type('akta kel');
  await shot(loket4, '61-visit-add-leg');
  await dialog.locator('.add-leg-row', { hasText: 'Akta Kelahiran' }).first().click();
  await dialog.waitFor({ state: 'detached' });
  await feedbackSays(loket4, new RegExp(`ditambahkan ke kunjungan ${n}\\.`));
  expect(legs(n)?.at(-1)).toBe('akta-kelahiran:pending');
  await panel.getByRole('heading', { name: /Rencana kunjungan · 0\/5/ }).waitFor();

  // End the visit: the dialog names what is cancelled; Esc does nothing, confirming records it once.
  await panel.locator('[data-visit-action="endVisit"]').click();
  await dialog.getByRole('heading', { name: `Akhiri kunjungan ${n}?` }).waitFor();
  await dialog.getByText(/dibatalkan: Kartu Keluarga.*Akta Kelahiran/).waitFor();
  await shot(loket4, '62-visit-end');
  await loket4.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(logged('VisitEnded')).toBe(0);
  await panel.locator('[data-visit-action="endVisit"]').click();
  await dialog.getByRole('button', { name: /Tidak hadir & akhiri kunjungan/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await feedbackSays(loket4, `Kunjungan ${n} diakhiri.`);
  expect(ticket(n).status).toBe('no_show');
  expect(legs(n)?.filter((l) => l.endsWith(':pending'))).toEqual([]);
  expect(logged('VisitEnded')).toBe(1);
  expect(logged('VisitReordered')).toBe(1);
  expect(logged('VisitLegSkipped')).toBe(1);
  expect(logged('VisitLegAdded')).toBe(1);
  await loket4.getByText('Belum ada pengunjung').waitFor();
  await shot(loket4, '63-visit-ended');
});
