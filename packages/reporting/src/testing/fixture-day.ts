import type { Actor, HallConfig } from '@antre/shared';
import { testHall } from '@antre/shared/testing';
import type { LoggedEvent } from '../report-rows.js';
import { ActedQueue } from './acted-queue.js';

/** Monday 30 November 2026 in Jakarta (UTC+7), at hh:mm local. */
export function mondayAt(hh: number, mm: number, ss = 0): number {
  return Date.UTC(2026, 10, 30, hh - 7, mm, ss);
}

const staff = (username: string, agencyId?: string): Actor =>
  agencyId === undefined
    ? { kind: 'staff', username, role: 'supervisor' }
    : { kind: 'staff', username, role: 'staff', agencyId };

export const DUKCAPIL1 = staff('dukcapil1', 'disdukcapil');
export const IMIGRASI1 = staff('imigrasi1', 'imigrasi');
export const BPJS1 = staff('bpjs1', 'bpjs');
export const SPV = staff('spv');
const K1: Actor = { kind: 'kiosk', kioskId: 'k1' };
const K2: Actor = { kind: 'kiosk', kioskId: 'k2' };

/**
 * A small hall day with every outcome, whose figures the tests compute by hand (`testHall`: targets ktp 10,
 * kk 12, akta 15, paspor 15, jkn 10 minutes). Monday 30 November 2026, WIB:
 *
 * | ticket | issued | what happens | outcome |
 * |---|---|---|---|
 * | A-001 ktp | 08:00 kiosk | c1 calls 08:20, recall 08:21, starts 08:23, transfers to jkn 08:30; c5 calls 08:35, finishes 08:45 (no start) | served, 2 legs |
 * | A-002 ktp elderly | 08:01 kiosk | c1 calls 08:10, starts 08:11, finishes 08:20 | served |
 * | P-001 paspor | 08:02 kiosk k2 | c4 calls 08:12, no-show 08:17, put back 08:25, called 08:26, starts 08:27, finishes 08:40 | served, 2 legs |
 * | BP-001 jkn | 08:03 by staff bpjs1 | c5 calls 08:15, starts 08:16, finishes 08:35 | served |
 * | A-003 ktp | 08:04 kiosk | cancelled 08:41 by dukcapil1 | cancelled |
 * | P-002 paspor | 08:05 kiosk | never called; the supervisor closes the day at 16:00 | expired |
 *
 * Counters: c1 (dukcapil1), c4 (imigrasi1), c5 (bpjs1) open 08:00; c1 closes 09:00, c4 pauses 09:00; the new
 * day begins at 00:00:30 on 1 December (the rollover ends c4's pause and c5's open session).
 */
export function fixtureDay(): { config: HallConfig; log: LoggedEvent[] } {
  const config = testHall();
  const q = new ActedQueue(config, mondayAt(8, 0));
  q.run({ type: 'setCounterStatus', counterId: 'c1', status: 'open' }, DUKCAPIL1);
  q.run({ type: 'setCounterStatus', counterId: 'c4', status: 'open' }, IMIGRASI1);
  q.run({ type: 'setCounterStatus', counterId: 'c5', status: 'open' }, BPJS1);
  q.run({ type: 'issueTicket', serviceId: 'ktp' }, K1);
  q.at(mondayAt(8, 1)).run({ type: 'issueTicket', serviceId: 'ktp', priority: 'elderly' }, K1);
  q.at(mondayAt(8, 2)).run({ type: 'issueTicket', serviceId: 'paspor' }, K2);
  q.at(mondayAt(8, 3)).run({ type: 'issueTicket', serviceId: 'jkn' }, BPJS1);
  q.at(mondayAt(8, 4)).run({ type: 'issueTicket', serviceId: 'ktp' }, K1);
  q.at(mondayAt(8, 5)).run({ type: 'issueTicket', serviceId: 'paspor' }, K1);
  q.at(mondayAt(8, 10)).run({ type: 'callNext', counterId: 'c1' }, DUKCAPIL1);
  q.at(mondayAt(8, 11)).run({ type: 'startServing', counterId: 'c1' }, DUKCAPIL1);
  q.at(mondayAt(8, 12)).run({ type: 'callNext', counterId: 'c4' }, IMIGRASI1);
  q.at(mondayAt(8, 15)).run({ type: 'callNext', counterId: 'c5' }, BPJS1);
  q.at(mondayAt(8, 16)).run({ type: 'startServing', counterId: 'c5' }, BPJS1);
  q.at(mondayAt(8, 17)).run({ type: 'noShow', counterId: 'c4', confirm: true }, IMIGRASI1);
  // Finishing A-002 and calling A-001 in one press.
  q.at(mondayAt(8, 20)).run({ type: 'callNext', counterId: 'c1' }, DUKCAPIL1);
  q.at(mondayAt(8, 21)).run({ type: 'recall', counterId: 'c1' }, DUKCAPIL1);
  q.at(mondayAt(8, 23)).run({ type: 'startServing', counterId: 'c1' }, DUKCAPIL1);
  q.at(mondayAt(8, 25)).run({ type: 'putBack', counterId: 'c4', ticket: 'P-001' }, IMIGRASI1);
  q.at(mondayAt(8, 26)).run({ type: 'callNext', counterId: 'c4' }, IMIGRASI1);
  q.at(mondayAt(8, 27)).run({ type: 'startServing', counterId: 'c4' }, IMIGRASI1);
  q.at(mondayAt(8, 30)).run({ type: 'transfer', counterId: 'c1', toServiceId: 'jkn' }, DUKCAPIL1);
  q.at(mondayAt(8, 35)).run({ type: 'callNext', counterId: 'c5' }, BPJS1);
  q.at(mondayAt(8, 40)).run({ type: 'finish', counterId: 'c4' }, IMIGRASI1);
  q.at(mondayAt(8, 41)).run({ type: 'cancelTicket', ticket: 'A-003' }, DUKCAPIL1);
  q.at(mondayAt(8, 45)).run({ type: 'finish', counterId: 'c5' }, BPJS1);
  q.at(mondayAt(9, 0)).run({ type: 'setCounterStatus', counterId: 'c1', status: 'closed' }, DUKCAPIL1);
  q.run({ type: 'setCounterStatus', counterId: 'c4', status: 'paused', reason: 'istirahat' }, IMIGRASI1);
  q.at(mondayAt(16, 0)).run({ type: 'closeDay' }, SPV);
  q.at(mondayAt(24, 0, 30)).rollover();
  return { config, log: q.log };
}
