import type { Page } from 'playwright-core';
import type { HallConfig } from '@antre/shared';
import { screenshotPath } from '@antre/hub/testing';

/** The laptops supervisors have. */
export const LAPTOP = { width: 1366, height: 768 };

/** Signs in through the console's form, as a supervisor does. */
export async function signInAdmin(
  page: Page,
  baseUrl: string,
  username: string,
  pin: string,
  path = '/admin/',
) {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('PIN').fill(pin);
  await page.keyboard.press('Enter');
}

export const adminShot = (page: Page, name: string) =>
  page.screenshot({ path: screenshotPath('admin', name), fullPage: false });

/**
 * The demo hall with one more account: the head of Disdukcapil, a supervisor of that agency only, who signs
 * in with the PIN of `dukcapil1` (the hash is copied, so the PIN is the same).
 */
export function withAgencyHead(config: HallConfig): HallConfig {
  const dukcapil1 = config.staff.find((s) => s.username === 'dukcapil1');
  if (!dukcapil1?.pinHash) throw new Error('the demo hall has no dukcapil1');
  return {
    ...config,
    staff: [
      ...config.staff,
      {
        username: 'kepala-duk',
        name: 'Kepala Disdukcapil',
        role: 'supervisor',
        agencyId: 'disdukcapil',
        pinHash: dukcapil1.pinHash,
      },
    ],
  };
}
