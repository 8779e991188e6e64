import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { ConfigChangeInput, ServiceConfig } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, kioskCredentials, signIn, startTestHub, waitFor } from '@antre/hub/testing';
import { rebuildReports } from './rebuild-reports.js';
import { REPORTS_FILE } from './hub-reports.js';

/**
 * The report projection follows the hall config as the log has it: a service added in the admin console
 * reports under its own agency and target at once, a new target counts from its change on, and a restart
 * (a resumed projection) and a rebuild from the log agree.
 */

let hub: TestHub;
let pins: Map<string, string>;
const open: HubConnection[] = [];

const legalisir: ServiceConfig = {
  id: 'legalisir-akta',
  agencyId: 'samsat',
  prefix: 'LA',
  name: { id: 'Legalisir akta', en: 'Certificate legalisation' },
  requirements: { id: ['Akta asli'], en: ['Original certificate'] },
  targetMinutes: 7,
};

async function online(credentials: Record<string, unknown> = {}): Promise<HubConnection> {
  const conn = connect(hub.url, credentials);
  open.push(conn);
  await waitFor(conn, () => conn.status === 'online' && conn.config !== undefined);
  return conn;
}

let n = 0;
async function change(input: ConfigChangeInput): Promise<void> {
  const supervisor = await online();
  await signIn(supervisor, 'supervisor', pins.get('supervisor') ?? '');
  const reply = await supervisor.request('config:change', {
    commandId: `live-report-${++n}`,
    expectedVersion: hub.service.configVersion,
    change: input,
  });
  if (!reply.ok) throw new Error(`refused: ${reply.error.code}`);
}

async function issue(serviceId: string): Promise<string> {
  const kiosk = await online(kioskCredentials());
  const reply = await kiosk.command({ type: 'issueTicket', serviceId, priority: 'none' });
  if (!reply.ok) throw new Error(`issue refused: ${reply.error.code}`);
  const issued = reply.events[0]?.event;
  if (issued?.type !== 'TicketIssued') throw new Error('no ticket');
  return issued.ticket.id;
}

async function leg(ticketId: string, dataDir = hub.dataDir) {
  await hub.reports.ready();
  const db = new Database(join(dataDir, REPORTS_FILE), { readonly: true });
  try {
    return db
      .prepare('SELECT service_id, agency_id, target_s FROM visit_transactions WHERE ticket_id = ?')
      .get(ticketId) as { service_id: string; agency_id: string; target_s: number } | undefined;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
});

afterAll(async () => {
  for (const c of open) c.close();
  await hub?.dispose();
});

describe('reports follow live config changes', () => {
  it('reports a service added while the hub runs under its agency and target', async () => {
    await change({ type: 'add', item: { kind: 'service', value: legalisir } });
    const ticket = await issue('legalisir-akta');
    expect(await leg(ticket)).toEqual({
      service_id: 'legalisir-akta',
      agency_id: 'samsat',
      target_s: 7 * 60,
    });
  });

  it('counts a new target from its change on; earlier tickets keep theirs', async () => {
    const before = await issue('legalisir-akta');
    await change({ type: 'update', item: { kind: 'service', value: { ...legalisir, targetMinutes: 12 } } });
    const after = await issue('legalisir-akta');
    expect((await leg(before))?.target_s).toBe(7 * 60);
    expect((await leg(after))?.target_s).toBe(12 * 60);
  });

  it('resumes after a restart on the config the log reached, and a rebuild agrees', async () => {
    for (const c of open.splice(0)) c.close();
    hub = await hub.restart();
    const ticket = await issue('legalisir-akta');
    expect((await leg(ticket))?.target_s).toBe(12 * 60);
    const rows = (dir: string) => {
      const db = new Database(join(dir, REPORTS_FILE), { readonly: true });
      try {
        return db.prepare('SELECT * FROM visit_transactions ORDER BY ticket_id, leg').all();
      } finally {
        db.close();
      }
    };
    await hub.reports.ready();
    const live = rows(hub.dataDir);
    for (const c of open.splice(0)) c.close();
    await hub.close();
    await rebuildReports(hub.dataDir, hub.options.config);
    expect(rows(hub.dataDir)).toEqual(live);
    hub = await hub.restart();
  });
});
