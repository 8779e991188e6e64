import { describe, expect, it } from 'vitest';
import type { Actor } from '@antre/shared';
import { publicHallConfig } from '@antre/shared';
import { TestQueue, testHall } from '@antre/shared/testing';
import { indexHall } from './hall-index.js';
import { printAlerts } from './print-alerts.js';

const NINE = Date.UTC(2026, 10, 30, 2, 0);
const MINUTE = 60_000;
const K1: Actor = { kind: 'kiosk', kioskId: 'k1' };

/** Three tickets that did not print: two of Dukcapil's (ktp, kk), one of Imigrasi's (paspor). */
function scene() {
  const config = testHall();
  const q = new TestQueue(config, NINE).open('c1');
  const fail = (serviceId: string, reason: string, actor: Actor = K1) => {
    const t = q.advance(MINUTE).issue(serviceId, 'none', actor);
    q.must({ type: 'reportPrintFailure', ticketId: t.id, reason }, actor);
    return t;
  };
  const ktp = fail('ktp', 'paper-out');
  const paspor = fail('paspor', 'cover-open');
  const kk = fail('kk', 'unreachable', { kind: 'kiosk', kioskId: 'k-gone' });
  return { q, config, index: indexHall(publicHallConfig(config)), ktp, paspor, kk };
}

describe('printAlerts', () => {
  it("shows staff their own agency's tickets, the longest without paper first, with the kiosk's name", () => {
    const { q, config, index } = scene();
    const agencyId = config.services.find((s) => s.id === 'ktp')?.agencyId;
    const alerts = printAlerts(q.state, index, { role: 'staff', ...(agencyId ? { agencyId } : {}) });
    expect(alerts.map((a) => [a.ticket.displayNumber, a.service?.id, a.kioskName])).toEqual([
      ['A-001', 'ktp', config.kiosks.find((k) => k.id === 'k1')?.name],
      // A kiosk no longer in the config is named by its id.
      ['B-001', 'kk', 'k-gone'],
    ]);
  });

  it('shows a supervisor every agency’s', () => {
    const { q, index } = scene();
    expect(printAlerts(q.state, index, { role: 'supervisor' })).toHaveLength(3);
  });

  it('drops a ticket once it is reprinted or its visit has ended', () => {
    const { q, index, ktp, kk } = scene();
    q.apply([{ type: 'TicketReprinted', ticketId: ktp.id, kioskId: 'k1', by: 'spv' }]);
    q.must({ type: 'cancelTicket', ticket: kk.displayNumber });
    expect(printAlerts(q.state, index, { role: 'supervisor' }).map((a) => a.ticket.displayNumber)).toEqual([
      'P-001',
    ]);
  });
});
