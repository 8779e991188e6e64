import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { ConfigChangeInput, ConfigChangeReply, CounterConfig, ServiceConfig } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, kioskCredentials, signIn, startTestHub, waitFor } from '@antre/hub/testing';

/**
 * Config as data over the wire: a supervisor changes the hall, the hub decides, logs and broadcasts, and a
 * kiosk and a display apply the change without a reload; refusals change nothing; a restart keeps it all.
 */

let hub: TestHub;
let pins: Map<string, string>;
const open: HubConnection[] = [];

async function staff(username: string): Promise<HubConnection> {
  const credentials: { sessionToken?: string } = {};
  const conn = connect(hub.url, credentials);
  open.push(conn);
  await waitFor(conn, () => conn.status === 'online' && conn.config !== undefined);
  credentials.sessionToken = await signIn(conn, username, pins.get(username) ?? '');
  return conn;
}

function client(credentials = {}): HubConnection {
  const conn = connect(hub.url, credentials);
  open.push(conn);
  return conn;
}

let n = 0;
function change(conn: HubConnection, input: ConfigChangeInput, expectedVersion?: number) {
  return conn.request('config:change', {
    commandId: `config-change-${++n}`,
    expectedVersion: expectedVersion ?? hub.service.configVersion,
    change: input,
  });
}

function accepted(reply: ConfigChangeReply): { version: number; seq: number } {
  if (!reply.ok) throw new Error(`refused: ${reply.error.code} ${reply.error.message}`);
  return reply;
}

const newService: ServiceConfig = {
  id: 'legalisir-akta',
  agencyId: 'disdukcapil',
  prefix: 'LA',
  name: { id: 'Legalisir akta', en: 'Certificate legalisation' },
  requirements: {
    id: ['Akta asli', 'Fotokopi akta'],
    en: ['Original certificate', 'Copy of the certificate'],
  },
  targetMinutes: 5,
};
const newCounter: CounterConfig = {
  id: 'loket-40',
  name: '40',
  agencyId: 'disdukcapil',
  serviceIds: ['legalisir-akta'],
  zone: 'lantai-1',
};

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
});

afterAll(async () => {
  for (const c of open) c.close();
  await hub.dispose();
});

describe('a supervisor changes the hall live', () => {
  it('adds a service and a counter: a kiosk and a display show them without a reload, and they serve', async () => {
    const supervisor = await staff('supervisor');
    const kiosk = client(kioskCredentials('kiosk-1'));
    const display = client({ demoDevice: { kind: 'display', deviceId: 'layar-1' } });
    await waitFor(kiosk, () => kiosk.config !== undefined && kiosk.state !== undefined);
    await waitFor(display, () => display.config !== undefined && display.state !== undefined);
    const before = hub.service.configVersion;

    const added = accepted(
      await change(supervisor, { type: 'add', item: { kind: 'service', value: newService } }),
    );
    expect(added.version).toBe(before + 1);
    accepted(await change(supervisor, { type: 'add', item: { kind: 'counter', value: newCounter } }));

    await waitFor(kiosk, () => kiosk.config?.services.some((s) => s.id === 'legalisir-akta') === true);
    await waitFor(display, () => display.config?.counters.some((c) => c.id === 'loket-40') === true);
    expect(kiosk.configVersion).toBe(before + 2);
    expect(display.config?.services.find((s) => s.id === 'legalisir-akta')?.requirements.id).toEqual([
      'Akta asli',
      'Fotokopi akta',
    ]);
    // The clients' copies equal the hub's config (its public part).
    expect(kiosk.config?.counters).toEqual(hub.service.config.counters);

    // The new service issues at once, and the new counter calls its ticket.
    const issued = await kiosk.command({ type: 'issueTicket', serviceId: 'legalisir-akta' });
    if (!issued.ok) throw new Error(issued.error.code);
    const dukcapil = await staff('dukcapil1');
    expect(
      (await dukcapil.command({ type: 'setCounterStatus', counterId: 'loket-40', status: 'open' })).ok,
    ).toBe(true);
    const called = await dukcapil.command({ type: 'callNext', counterId: 'loket-40' });
    expect(called.ok && called.events[0]?.event).toMatchObject({
      type: 'TicketCalled',
      counterId: 'loket-40',
    });
    await waitFor(display, () => display.state?.counters['loket-40']?.currentTicketId !== undefined);
    expect(
      display.state?.tickets[display.state.counters['loket-40']?.currentTicketId ?? '']?.displayNumber,
    ).toBe('LA-001');

    // The audit trail lists both changes, newest first, with who made them and what they became.
    const audit = await supervisor.request('audit:query', {});
    if (!audit.ok) throw new Error(audit.error.code);
    expect(audit.entries.slice(0, 2).map((e) => [e.action, e.subject, e.by])).toEqual([
      ['add', 'counter:loket-40', 'supervisor'],
      ['add', 'service:legalisir-akta', 'supervisor'],
    ]);
    expect(audit.entries[1]?.after).toEqual(newService);
    expect(audit.entries[1]?.before).toBeNull();
  });

  it('refuses, changing nothing: counter staff, the public, bad input, a stale version, a rule of the day', async () => {
    const supervisor = await staff('supervisor');
    const dukcapil = await staff('dukcapil1');
    const anyone = client();
    await waitFor(anyone, () => anyone.status === 'online');
    const version = hub.service.configVersion;
    const seq = hub.service.state.seq;
    const rename = {
      type: 'update',
      item: { kind: 'service', value: { ...newService, name: { id: 'Legalisir', en: 'Legalisation' } } },
    } as const;

    const codes = async (conn: HubConnection, input: ConfigChangeInput, expected?: number) => {
      const reply = await change(conn, input, expected);
      return reply.ok ? 'accepted' : reply.error.code;
    };
    expect(await codes(dukcapil, rename)).toBe('FORBIDDEN');
    expect(await codes(anyone, rename)).toBe('UNAUTHENTICATED');
    expect((await dukcapil.request('audit:query', {})).ok).toBe(false);
    expect((await dukcapil.request('config:export', {})).ok).toBe(false);

    // Bad input is refused at its field, in both languages.
    const bad = await change(supervisor, {
      type: 'add',
      item: { kind: 'service', value: { ...newService, id: 'x-baru', prefix: 'l1' } },
    });
    expect(bad.ok ? undefined : bad.error.details).toMatchObject({
      field: 'prefix',
      textId: expect.stringContaining('huruf besar'),
    });
    // A prefix another service holds, and a counter number that is taken.
    expect(
      await codes(supervisor, {
        type: 'add',
        item: { kind: 'service', value: { ...newService, id: 'x-baru', prefix: 'A' } },
      }),
    ).toBe('DUPLICATE_ID');
    expect(
      await codes(supervisor, {
        type: 'add',
        item: { kind: 'counter', value: { ...newCounter, id: 'loket-41', name: '4' } },
      }),
    ).toBe('DUPLICATE_ID');
    // The service has a visitor at its counter: it cannot go, nor can the counter.
    expect(await codes(supervisor, { type: 'remove', kind: 'counter', id: 'loket-40' })).toBe('IN_USE');
    expect(await codes(supervisor, { type: 'remove', kind: 'service', id: 'legalisir-akta' })).toBe('IN_USE');
    // Two supervisors: the second, on the version before the first's change, is told and nothing is lost.
    const first = accepted(await change(supervisor, rename, version));
    expect(first.version).toBe(version + 1);
    expect(
      await codes(
        supervisor,
        { ...rename, item: { ...rename.item, value: { ...newService, targetMinutes: 7 } } },
        version,
      ),
    ).toBe('CONFIG_CONFLICT');

    expect(hub.service.configVersion).toBe(version + 1);
    expect(hub.service.state.seq).toBe(seq + 1);
    expect(hub.service.config.services.find((s) => s.id === 'legalisir-akta')?.name.id).toBe('Legalisir');
  });

  it('answers a repeated change with its first answer, logging it once', async () => {
    const supervisor = await staff('supervisor');
    const request = {
      commandId: 'holiday-once-0001',
      expectedVersion: hub.service.configVersion,
      change: {
        type: 'add',
        item: { kind: 'holiday', value: { date: '2026-12-25', name: { id: 'Natal', en: 'Christmas' } } },
      },
    } as const;
    const first = accepted(await supervisor.request('config:change', request));
    const again = await supervisor.request('config:change', request);
    expect(again).toEqual(first);
    expect(hub.service.config.holidays.filter((h) => h.date === '2026-12-25')).toHaveLength(1);
    expect(hub.service.configVersion).toBe(first.version);
  });

  it('exports the whole config in the file format, which imports back as it was', async () => {
    const supervisor = await staff('supervisor');
    const exported = await supervisor.request('config:export', {});
    if (!exported.ok) throw new Error(exported.error.code);
    expect(exported.version).toBe(hub.service.configVersion);
    expect(JSON.stringify(exported.config)).not.toContain('scrypt');
    expect(exported.config.staff).toBeUndefined();
    const services = hub.service.config.services;
    const imported = accepted(
      await change(supervisor, { type: 'import', config: exported.config }, exported.version),
    );
    expect(imported.version).toBe(exported.version + 1);
    expect(hub.service.config.services).toEqual(services);
    // Staff accounts are not config: an import leaves them, PINs and all, as they were.
    expect(hub.service.config.staff.every((s) => s.pinHash !== undefined)).toBe(true);
  });

  it('keeps every accepted change across a restart, and clients follow on without a reload', async () => {
    const kiosk = client(kioskCredentials('kiosk-2'));
    await waitFor(kiosk, () => kiosk.config !== undefined && kiosk.state !== undefined);
    const { config, version } = { config: hub.service.config, version: hub.service.configVersion };
    const state = hub.service.state.snapshot();
    // The file given at the restart says something else: the store holds the hall's config now.
    hub.options.config = { ...hub.options.config, hall: { ...config.hall, name: 'Another hall' } };
    hub = await hub.restart();
    expect(hub.service.configVersion).toBe(version);
    expect(hub.service.config).toEqual(config);
    expect(hub.service.state.snapshot()).toEqual(state);

    const supervisor = await staff('supervisor');
    await waitFor(kiosk, () => kiosk.status === 'online');
    accepted(
      await change(supervisor, {
        type: 'update',
        item: {
          kind: 'service',
          value: { ...newService, name: { id: 'Legalisir akta (baru)', en: 'Legalisation' } },
        },
      }),
    );
    await waitFor(
      kiosk,
      () => kiosk.config?.services.some((s) => s.name.id === 'Legalisir akta (baru)') === true,
    );
    expect(kiosk.configVersion).toBe(version + 1);
  });
});

describe('a store from before config as data', () => {
  it('replays its log and takes the file as its seed', async () => {
    const demo = await demoHall();
    const old = await startTestHub({ config: demo.config });
    try {
      const kiosk = connect(old.url, kioskCredentials('kiosk-1'));
      await waitFor(kiosk, () => kiosk.state !== undefined);
      expect((await kiosk.command({ type: 'issueTicket', serviceId: 'perekaman-ktp-el' })).ok).toBe(true);
      kiosk.close();
      const state = old.service.state.snapshot();
      await old.close();
      // Back to the schema before migration 5: no seed table (nor what migrations 6 to 11 add after it).
      const db = new Database(join(old.dataDir, 'antre.sqlite'));
      db.exec('DROP TABLE config_seed');
      db.exec('DROP TABLE day_snapshots');
      db.exec("DELETE FROM meta WHERE key = 'survey_key'");
      db.exec('DROP TABLE revoked_devices');
      db.exec('DROP TABLE booking_people');
      db.exec('DROP TABLE intake_clients');
      db.exec('DROP TABLE staff_secrets');
      db.exec('DROP TABLE password_failures');
      db.pragma('user_version = 4');
      db.close();
      const again = await old.restart();
      expect(again.service.state.snapshot()).toEqual(state);
      expect(again.service.configVersion).toBe(0);
      expect(again.service.config.services).toEqual(demo.config.services);
      await again.dispose();
    } finally {
      await old.close();
    }
  });
});
