import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { StaffChangeInput, StaffChangeReply } from '@antre/shared';
import { refusalText } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, kioskCredentials, signIn, startTestHub, waitFor } from '@antre/hub/testing';

/**
 * Staff accounts over the wire: a supervisor creates one (its PIN shown once), resets a PIN and deactivates an
 * account; the open sessions of that user end, the old PIN or the account no longer signs in, and every
 * client's staff list follows live. The PIN and its hash are in no event. Bad input changes nothing; an
 * agency's head manages their own agency's staff only; a restart keeps it all.
 */

let hub: TestHub;
let pins: Map<string, string>;
const open: HubConnection[] = [];

async function as(username: string, pin = pins.get(username) ?? ''): Promise<HubConnection> {
  const credentials: { sessionToken?: string } = {};
  const conn = connect(hub.url, credentials);
  open.push(conn);
  await waitFor(conn, () => conn.status === 'online' && conn.config !== undefined);
  credentials.sessionToken = await signIn(conn, username, pin);
  return conn;
}

async function kiosk(): Promise<HubConnection> {
  const conn = connect(hub.url, kioskCredentials('kiosk-1'));
  open.push(conn);
  await waitFor(conn, () => conn.status === 'online' && conn.config !== undefined);
  return conn;
}

let n = 0;
function change(
  conn: HubConnection,
  input: StaffChangeInput | Record<string, unknown>,
  expectedVersion?: number,
) {
  return conn.request('staff:change', {
    commandId: `staff-change-${++n}`,
    expectedVersion: expectedVersion ?? hub.service.configVersion,
    change: input,
  });
}

function accepted(reply: StaffChangeReply): { version: number; seq: number; pin?: string } {
  if (!reply.ok) throw new Error(`refused: ${reply.error.code} ${reply.error.message}`);
  return reply;
}

/** Everything the log holds, as text: what must never carry a PIN or its hash. */
function logText(): string {
  const rows = hub.store.db.prepare('SELECT payload FROM events').all() as Array<{ payload: string }>;
  return rows.map((r) => r.payload).join('\n');
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

describe('staff accounts over the hub', () => {
  it('creates an account: its PIN once in the answer, never in the log; a kiosk lists it live; it signs in', async () => {
    const supervisor = await as('supervisor');
    const k = await kiosk();
    const version = hub.service.configVersion;
    const reply = accepted(
      await change(supervisor, {
        type: 'create',
        username: 'dukcapil3',
        name: 'Rina Putri',
        role: 'staff',
        agencyId: 'disdukcapil',
      }),
    );
    expect(reply.version).toBe(version + 1);
    expect(reply.pin).toMatch(/^[0-9]{6}$/);
    const pin = reply.pin ?? '';
    pins.set('dukcapil3', pin);
    await waitFor(k, () => k.config?.staff.some((s) => s.username === 'dukcapil3') === true);
    expect(k.configVersion).toBe(version + 1);
    const log = logText();
    expect(log).toContain('"StaffChanged"');
    expect(log).not.toContain(`"${pin}"`);
    expect(log).not.toContain('scrypt$');

    const rina = await as('dukcapil3');
    const who = await rina.request('whoami', {});
    expect(who.ok && who.principal.kind === 'staff' && who.principal.staff.agencyId).toBe('disdukcapil');

    // A retry gets the same answer, without the PIN: the hub keeps only its hash.
    const retry = await supervisor.request('staff:change', {
      commandId: `staff-change-${n}`,
      expectedVersion: version,
      change: {
        type: 'create',
        username: 'dukcapil3',
        name: 'Rina Putri',
        role: 'staff',
        agencyId: 'disdukcapil',
      },
    });
    expect(retry).toEqual({ ok: true, version: version + 1, seq: reply.seq });

    const list = await supervisor.request('staff:list', {});
    expect(list.ok && list.accounts.find((a) => a.username === 'dukcapil3')).toEqual({
      username: 'dukcapil3',
      name: 'Rina Putri',
      role: 'staff',
      agencyId: 'disdukcapil',
      active: true,
      hasPassword: false,
    });
  });

  it('resets a PIN: the open session ends, the old PIN is refused, the new one signs in', async () => {
    const supervisor = await as('supervisor');
    const old = pins.get('dukcapil1') ?? '';
    const desk = await as('dukcapil1');
    const version = hub.service.configVersion;
    const reply = accepted(await change(supervisor, { type: 'resetPin', username: 'dukcapil1' }));
    // A new secret is no change to the public config.
    expect(reply.version).toBe(version);
    expect(reply.pin).toMatch(/^[0-9]{6}$/);
    await waitFor(desk, () => desk.refusal?.code === 'UNAUTHENTICATED');
    expect(desk.status).toBe('offline');

    const again = connect(hub.url);
    open.push(again);
    await waitFor(again, () => again.status === 'online');
    const refused = await again.request('staff:signIn', { username: 'dukcapil1', pin: old });
    expect(refused.ok ? 'signed in' : refused.error.code).toBe('INVALID_CREDENTIALS');
    pins.set('dukcapil1', reply.pin ?? '');
    await as('dukcapil1');
    expect(logText()).not.toContain(`"${reply.pin ?? ''}"`);
  });

  it('deactivates an account: its session ends, it cannot sign in, and every client drops it live', async () => {
    const supervisor = await as('supervisor');
    const k = await kiosk();
    const desk = await as('dukcapil2');
    accepted(await change(supervisor, { type: 'deactivate', username: 'dukcapil2' }));
    await waitFor(desk, () => desk.refusal?.code === 'UNAUTHENTICATED');
    await waitFor(k, () => k.config?.staff.every((s) => s.username !== 'dukcapil2') === true);

    const again = connect(hub.url);
    open.push(again);
    await waitFor(again, () => again.status === 'online');
    const refused = await again.request('staff:signIn', {
      username: 'dukcapil2',
      pin: pins.get('dukcapil2') ?? '',
    });
    expect(refused.ok ? 'signed in' : refused.error.code).toBe('INVALID_CREDENTIALS');
    const list = await supervisor.request('staff:list', {});
    expect(list.ok && list.accounts.find((a) => a.username === 'dukcapil2')?.active).toBe(false);
  });

  it('moves an account to another agency: its open session ends, and it signs in again with the new agency', async () => {
    const supervisor = await as('supervisor');
    const desk = await as('dukcapil3');
    accepted(
      await change(supervisor, {
        type: 'update',
        username: 'dukcapil3',
        name: 'Rina Putri',
        role: 'staff',
        agencyId: 'samsat',
      }),
    );
    await waitFor(desk, () => desk.refusal?.code === 'UNAUTHENTICATED');
    const again = await as('dukcapil3');
    const who = await again.request('whoami', {});
    expect(who.ok && who.principal.kind === 'staff' && who.principal.staff.agencyId).toBe('samsat');
    // A new name alone keeps the session.
    accepted(
      await change(supervisor, {
        type: 'update',
        username: 'dukcapil3',
        name: 'Rina Putri Lestari',
        role: 'staff',
        agencyId: 'samsat',
      }),
    );
    const still = await again.request('whoami', {});
    expect(still.ok && still.principal.kind).toBe('staff');
  });

  it('refuses bad input with a clear error in both languages and changes nothing', async () => {
    const supervisor = await as('supervisor');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [
        { type: 'create', username: 'Bad Name!', name: 'X', role: 'staff', agencyId: 'samsat' },
        'VALIDATION_FAILED',
        'username',
      ],
      [{ type: 'create', username: 'x1', name: 'X', role: 'staff' }, 'VALIDATION_FAILED', 'agencyId'],
      [
        { type: 'create', username: 'x2', name: 'X', role: 'staff', agencyId: 'nowhere' },
        'VALIDATION_FAILED',
        'agencyId',
      ],
      [
        { type: 'create', username: 'samsat1', name: 'X', role: 'staff', agencyId: 'samsat' },
        'DUPLICATE_ID',
        'username',
      ],
      [{ type: 'resetPin', username: 'nobody' }, 'UNKNOWN_ITEM', 'username'],
      [{ type: 'deactivate', username: 'supervisor' }, 'FORBIDDEN', 'username'],
    ];
    for (const [input, code, field] of cases) {
      const seq = hub.service.state.seq;
      const version = hub.service.configVersion;
      const accounts = JSON.stringify(hub.service.staffAccounts);
      const reply = await change(supervisor, input);
      if (reply.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
      expect(reply.error.code).toBe(code);
      const text = refusalText(reply.error);
      expect(text?.field).toBe(field);
      expect(text?.text.id).not.toBe(text?.text.en);
      expect(text?.text.id.length).toBeGreaterThan(5);
      expect(hub.service.state.seq).toBe(seq);
      expect(hub.service.configVersion).toBe(version);
      expect(JSON.stringify(hub.service.staffAccounts)).toBe(accounts);
    }
    // A stale version: someone changed the account since.
    const stale = await change(
      supervisor,
      { type: 'update', username: 'dukcapil3', name: 'R. Putri', role: 'staff', agencyId: 'disdukcapil' },
      0,
    );
    expect(stale.ok ? 'accepted' : stale.error.code).toBe('CONFIG_CONFLICT');
  });

  it("lets an agency's head manage their own agency's counter staff only; counter staff manage nobody", async () => {
    const supervisor = await as('supervisor');
    const created = accepted(
      await change(supervisor, {
        type: 'create',
        username: 'kepala-samsat',
        name: 'Kepala Samsat',
        role: 'supervisor',
        agencyId: 'samsat',
      }),
    );
    pins.set('kepala-samsat', created.pin ?? '');
    const head = await as('kepala-samsat');
    const other = await change(head, {
      type: 'create',
      username: 'dukcapil9',
      name: 'X',
      role: 'staff',
      agencyId: 'disdukcapil',
    });
    expect(other.ok ? 'accepted' : other.error.code).toBe('FORBIDDEN');
    const reset = await change(head, { type: 'resetPin', username: 'dukcapil1' });
    expect(reset.ok ? 'accepted' : reset.error.code).toBe('FORBIDDEN');
    accepted(
      await change(head, {
        type: 'create',
        username: 'samsat2',
        name: 'Budi',
        role: 'staff',
        agencyId: 'samsat',
      }),
    );
    const list = await head.request('staff:list', {});
    expect(list.ok && [...new Set(list.accounts.map((a) => a.agencyId))]).toEqual(['samsat']);

    const desk = await as('samsat1');
    const refused = await change(desk, { type: 'resetPin', username: 'samsat1' });
    expect(refused.ok ? 'accepted' : refused.error.code).toBe('FORBIDDEN');
    const listed = await desk.request('staff:list', {});
    expect(listed.ok ? 'listed' : listed.error.code).toBe('FORBIDDEN');
  });

  it('keeps accounts, new PINs and deactivations across a restart', async () => {
    const accounts = hub.service.staffAccounts;
    const staff = hub.service.config.staff.map((s) => s.username);
    hub = await hub.restart();
    expect(hub.service.staffAccounts).toEqual(accounts);
    expect(hub.service.config.staff.map((s) => s.username)).toEqual(staff);
    await as('dukcapil3');
    await as('dukcapil1');
    const again = connect(hub.url);
    open.push(again);
    await waitFor(again, () => again.status === 'online');
    const refused = await again.request('staff:signIn', {
      username: 'dukcapil2',
      pin: pins.get('dukcapil2') ?? '',
    });
    expect(refused.ok ? 'signed in' : refused.error.code).toBe('INVALID_CREDENTIALS');
  });
});

describe("a supervisor's password", () => {
  async function attempt(username: string, password: string): Promise<string> {
    const conn = connect(hub.url);
    open.push(conn);
    await waitFor(conn, () => conn.status === 'online');
    const reply = await conn.request('staff:signInPassword', { username, password });
    conn.close();
    return reply.ok ? 'signed in' : reply.error.code;
  }

  it('is set by its owner only, long enough, and then replaces the PIN sign-in', async () => {
    const supervisor = await as('supervisor');
    const seq = hub.service.state.seq;
    const short = await change(supervisor, {
      type: 'setPassword',
      username: 'supervisor',
      password: 'pendek',
    });
    if (short.ok) throw new Error('a short password was accepted');
    expect(refusalText(short.error)?.field).toBe('password');
    expect(hub.service.state.seq).toBe(seq);
    const other = await change(supervisor, {
      type: 'setPassword',
      username: 'kepala-samsat',
      password: 'kata-sandi-orang-lain',
    });
    expect(other.ok ? 'accepted' : other.error.code).toBe('FORBIDDEN');

    accepted(
      await change(supervisor, {
        type: 'setPassword',
        username: 'supervisor',
        password: 'padang-panjang-2026',
      }),
    );
    expect(logText()).not.toContain('padang-panjang-2026');
    const list = await supervisor.request('staff:list', {});
    expect(list.ok && list.accounts.find((a) => a.username === 'supervisor')?.hasPassword).toBe(true);

    const byPin = connect(hub.url);
    open.push(byPin);
    await waitFor(byPin, () => byPin.status === 'online');
    const refused = await byPin.request('staff:signIn', {
      username: 'supervisor',
      pin: pins.get('supervisor') ?? '',
    });
    expect(refused.ok ? 'signed in' : refused.error.details?.['passwordRequired']).toBe(true);
    expect(await attempt('supervisor', 'padang-panjang-2026')).toBe('signed in');
  });

  it('locks after five wrong passwords in a row, across a restart, until the lock has passed', async () => {
    // The address throttle waits at most 5 minutes: each attempt comes after it.
    for (let i = 1; i <= 4; i += 1) {
      expect(await attempt('supervisor', `salah-${i}-xxxxxxxx`)).toBe('INVALID_CREDENTIALS');
      hub.clock.advance(6 * 60_000);
    }
    expect(await attempt('supervisor', 'salah-5-xxxxxxxx')).toBe('INVALID_CREDENTIALS');
    hub.clock.advance(6 * 60_000);
    // Locked: even the right password is not checked.
    expect(await attempt('supervisor', 'padang-panjang-2026')).toBe('RATE_LIMITED');
    hub = await hub.restart();
    expect(await attempt('supervisor', 'padang-panjang-2026')).toBe('RATE_LIMITED');
    hub.clock.advance(10 * 60_000);
    expect(await attempt('supervisor', 'padang-panjang-2026')).toBe('signed in');
    // A right password clears the count: one wrong one later does not lock.
    expect(await attempt('supervisor', 'salah-6-xxxxxxxx')).toBe('INVALID_CREDENTIALS');
    hub.clock.advance(6 * 60_000);
    expect(await attempt('supervisor', 'padang-panjang-2026')).toBe('signed in');
  });
});
