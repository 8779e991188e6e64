import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BookingReply, CheckInReply, HallConfig } from '@antre/shared';
import { hallInstant, hallTag } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, kioskCredentials, signIn, startTestHub, waitFor } from '@antre/hub/testing';

const DAY_MS = 24 * 3_600_000;
/** Tuesday 1 December 2026, a day after the test clock's Monday. */
const TUESDAY = '2026-12-01';
const at = (clock: string, day = TUESDAY): number => hallInstant(day, clock, 'Asia/Jakarta');

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.dispose();
  hub = undefined;
});

async function start(
  change: (config: HallConfig) => HallConfig = (c) => c,
  limits?: Parameters<typeof startTestHub>[0]['bookingLimits'],
): Promise<{ h: TestHub; pins: Map<string, string> }> {
  const demo = await demoHall();
  hub = await startTestHub({ config: change(demo.config), ...(limits ? { bookingLimits: limits } : {}) });
  return { h: hub, pins: demo.pins };
}

let serial = 1;
const nik = (): string => `137401170890${String(serial++).padStart(4, '0')}`;

const body = (over: Record<string, unknown> = {}) => ({
  serviceId: 'skck',
  day: TUESDAY,
  slotStart: at('10:00'),
  name: 'Rina Marlina',
  nik: nik(),
  phone: '0812 7788 9900',
  ...over,
});

async function post(h: TestHub, path: string, payload?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: payload === undefined ? null : JSON.stringify(payload),
  });
  return { status: res.status, reply: (await res.json()) as BookingReply & Record<string, unknown> };
}

async function get(h: TestHub, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.url}${path}`, { headers });
  return { status: res.status, reply: (await res.json()) as BookingReply & Record<string, unknown> };
}

/** Every payload the log holds, as one text. */
function logText(h: TestHub): string {
  const db = new Database(`${h.dataDir}/antre.sqlite`, { readonly: true });
  try {
    return (db.prepare('SELECT payload FROM events').all() as Array<{ payload: string }>)
      .map((r) => r.payload)
      .join('\n');
  } finally {
    db.close();
  }
}

function code(reply: BookingReply): string {
  if (!reply.ok) throw new Error(`refused: ${reply.refusal ?? reply.error.code}`);
  return reply.booking.code;
}

describe('the public booking API', () => {
  it('books, shows, cancels and books again; no name, NIK or phone leaves the booking table', async () => {
    const { h } = await start();
    const person = body({ nik: '1374015708900001' });
    const booked = await post(h, '/api/booking', person);
    expect(booked.status).toBe(200);
    const c = code(booked.reply);
    expect(c.startsWith(`${hallTag(h.service.config.hall.id)}-`)).toBe(true);
    const shown = await get(h, `/api/booking/${c}`);
    expect(shown.reply).toMatchObject({
      ok: true,
      booking: { status: 'booked', clock: '10:00', day: TUESDAY },
    });
    const days = (await get(h, '/api/booking/days?service=skck')).reply['days'] as Array<{
      day: string;
      free: number;
    }>;
    // SKCK: quota 100, booked share 0.3: 30 a day, one taken.
    expect(days.find((d) => d.day === TUESDAY)?.free).toBe(29);
    const slots = await get(h, `/api/booking/slots?service=skck&day=${TUESDAY}`);
    expect(
      (slots.reply['slots'] as Array<{ clock: string; free: number }>).find((s) => s.clock === '10:00')?.free,
    ).toBe(2);

    const cancelled = await post(h, `/api/booking/${c}/cancel`);
    expect(cancelled.reply).toMatchObject({ ok: true, booking: { status: 'cancelled' } });
    const again = await post(h, `/api/booking/${c}/cancel`);
    expect(again.status).toBe(400);
    expect(again.reply).toMatchObject({ ok: false, refusal: 'CANCELLED' });
    // The same person books again, the same day and service: the cancelled booking no longer counts.
    expect((await post(h, '/api/booking', { ...person, slotStart: at('10:15') })).status).toBe(200);

    const everything = [
      logText(h),
      JSON.stringify(h.service.state.snapshot()),
      JSON.stringify(shown.reply),
      JSON.stringify((await get(h, '/api/state')).reply),
    ].join('\n');
    for (const secret of ['1374015708900001', 'Rina', '7788', '81277889900']) {
      expect(everything).not.toContain(secret);
    }
    expect(h.bookings.people.person(booked.reply.ok ? booked.reply.booking.bookingId : '')).toEqual({
      name: 'Rina Marlina',
      nik: '1374015708900001',
      phone: '081277889900',
    });
  });

  it('refuses bad input with both languages and changes nothing', async () => {
    const { h } = await start((c) => ({
      ...c,
      holidays: [{ date: '2026-12-02', name: { id: 'Cuti bersama', en: 'Collective leave' } }],
    }));
    const first = code((await post(h, '/api/booking', body({ nik: '1374011708900077' }))).reply);
    const seq = h.service.state.seq;
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ nik: '1374011708' }, 400, 'INVALID_NIK'],
      [{ nik: '1374013208900001' }, 400, 'INVALID_NIK'],
      [{ phone: 'abc' }, 400, 'INVALID_PHONE'],
      [{ serviceId: 'kartu-keluarga' }, 409, 'NO_BOOKING'],
      [{ day: '2026-12-02', slotStart: at('10:00', '2026-12-02') }, 409, 'HOLIDAY'],
      [{ day: '2026-12-06', slotStart: at('10:00', '2026-12-06') }, 409, 'CLOSED_DAY'],
      [{ slotStart: at('12:15') }, 400, 'UNKNOWN_SLOT'],
      [{ nik: '1374011708900077', slotStart: at('11:00') }, 400, 'ALREADY_BOOKED'],
    ];
    for (const [over, status, refusal] of cases) {
      const { status: got, reply } = await post(h, '/api/booking', body(over));
      expect([got, reply.ok ? 'ok' : reply.refusal], refusal).toEqual([status, refusal]);
      if (!reply.ok) expect(reply.text?.id).not.toEqual(reply.text?.en);
    }
    expect((await post(h, '/api/booking', { serviceId: 'skck' })).status).toBe(400);
    const unknown = await get(h, '/api/booking/ZZ-ABCDEF');
    expect([unknown.status, unknown.reply.ok || unknown.reply.refusal]).toEqual([404, 'WRONG_HALL']);
    const mine = `${first.slice(0, 3)}ABCDEF`;
    expect((await get(h, `/api/booking/${mine}`)).reply).toMatchObject({
      ok: false,
      refusal: 'INVALID_CODE',
    });
    expect(h.service.state.seq).toBe(seq);
  });

  it('gives exactly the last ten seats to fifty phones racing for them', async () => {
    const { h } = await start(
      (c) => ({
        ...c,
        services: c.services.map((s) =>
          s.id === 'skck' && s.booking
            ? { ...s, dailyQuota: 1000, booking: { ...s.booking, seatsPerSlot: 12 } }
            : s,
        ),
      }),
      { perMinute: 6000, burst: 1000 },
    );
    code((await post(h, '/api/booking', body())).reply);
    code((await post(h, '/api/booking', body())).reply);
    const racers = Array.from({ length: 50 }, () => post(h, '/api/booking', body()));
    const results = await Promise.all(racers);
    const won = results.filter((r) => r.status === 200);
    const lost = results.filter((r) => r.status !== 200);
    expect(won).toHaveLength(10);
    expect(new Set(won.map((r) => code(r.reply))).size).toBe(10);
    expect(lost.every((r) => !r.reply.ok && r.reply.refusal === 'SLOT_FULL' && r.status === 409)).toBe(true);
    expect(h.bookings.book.seatsTaken('skck', at('10:00'))).toBe(12);
    // The ledger rebuilt from the log after a restart counts the same.
    hub = await h.restart();
    expect(hub.bookings.book.seatsTaken('skck', at('10:00'))).toBe(12);
  });

  it('limits bookings per address and attempts per NIK', async () => {
    const { h } = await start((c) => c, { perMinute: 1, burst: 3 });
    for (let i = 0; i < 3; i++)
      expect((await post(h, '/api/booking', body({ slotStart: at('11:00') }))).status).toBe(200);
    const fourth = await post(h, '/api/booking', body({ slotStart: at('11:15') }));
    expect([fourth.status, fourth.reply.ok || fourth.reply.error.code]).toEqual([429, 'RATE_LIMITED']);

    await hub?.dispose();
    const again = await start((c) => c, { perMinute: 6000, burst: 1000, nikBurst: 2, nikPerHour: 1 });
    const same = nik();
    expect((await post(again.h, '/api/booking', body({ nik: same, slotStart: at('11:00') }))).status).toBe(
      200,
    );
    expect((await post(again.h, '/api/booking', body({ nik: same, slotStart: at('11:15') }))).status).toBe(
      400,
    );
    const third = await post(
      again.h,
      '/api/booking',
      body({ nik: same, day: '2026-12-03', slotStart: at('11:00', '2026-12-03') }),
    );
    expect([third.status, third.reply.ok || third.reply.error.code]).toEqual([429, 'RATE_LIMITED']);
  });

  it('serves a QR code and an .ics file for the code', async () => {
    const { h } = await start();
    const c = code((await post(h, '/api/booking', body())).reply);
    const qr = await fetch(`${h.url}/api/booking/${c}/qr.svg`);
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
    expect(await qr.text()).toMatch(/^<svg .*<path d="M/);
    const ics = await (await fetch(`${h.url}/api/booking/${c}/calendar.ics`)).text();
    expect(ics).toContain('DTSTART:20261201T030000Z');
    expect(ics).toContain('DTEND:20261201T031500Z');
    expect(ics.replace(/\r\n /g, '')).toContain(`booking?code=${c}`);
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});

describe('personal data retention', () => {
  it('erases name, NIK and phone retentionDays after the slot; the booking itself stays', async () => {
    const { h } = await start();
    const reply = (await post(h, '/api/booking', body())).reply;
    if (!reply.ok) throw new Error('refused');
    const id = reply.booking.bookingId;
    h.clock.t = at('10:00') + 29 * DAY_MS;
    expect(h.bookings.eraseExpired()).toBe(0);
    expect(h.bookings.people.person(id)?.nik).not.toBeNull();
    h.clock.t = at('10:00') + 30 * DAY_MS;
    expect(h.bookings.eraseExpired()).toBe(1);
    expect(h.bookings.people.person(id)).toEqual({ name: null, nik: null, phone: null });
    expect((await get(h, `/api/booking/${reply.booking.code}`)).reply).toMatchObject({
      ok: true,
      booking: { status: 'missed' },
    });
    expect(h.bookings.eraseExpired()).toBe(0);
  });
});

describe('the intake API', () => {
  it('takes keys from a hall supervisor only, and is idempotent by the client reference', async () => {
    const { h, pins } = await start();
    const spv = connect(h.url);
    const staff = connect(h.url);
    try {
      await waitFor(spv, () => spv.status === 'online');
      await waitFor(staff, () => staff.status === 'online');
      const spvToken = await signIn(spv, 'supervisor', pins.get('supervisor') ?? '');
      const staffToken = await signIn(staff, 'polres1', pins.get('polres1') ?? '');
      const refused = await post(
        h,
        '/api/intake/keys',
        { name: 'JAKI' },
        { authorization: `Bearer ${staffToken}` },
      );
      expect(refused.status).toBe(403);
      const issued = await post(
        h,
        '/api/intake/keys',
        { name: 'Aplikasi Kota' },
        { authorization: `Bearer ${spvToken}` },
      );
      expect(issued.status).toBe(201);
      const key = String(issued.reply['apiKey']);
      const auth = { authorization: `Bearer ${key}` };

      expect((await get(h, '/api/intake/v1/slots?service=skck')).status).toBe(401);
      const days = await get(h, '/api/intake/v1/slots?service=skck', auth);
      expect((days.reply['days'] as unknown[]).length).toBeGreaterThan(5);
      const request = { ...body(), clientRef: 'kota-000123' };
      const one = await post(h, '/api/intake/v1/bookings', request, auth);
      const seq = h.service.state.seq;
      const two = await post(h, '/api/intake/v1/bookings', request, auth);
      expect(two.reply).toEqual(one.reply);
      expect(h.service.state.seq).toBe(seq);
      expect(one.reply).toMatchObject({ ok: true, booking: { clientRef: 'kota-000123', status: 'booked' } });
      expect((await get(h, '/api/intake/v1/bookings/kota-000123', auth)).reply).toEqual(one.reply);
      const cancelled = await post(h, '/api/intake/v1/bookings/kota-000123/cancel', undefined, auth);
      expect(cancelled.reply).toMatchObject({ ok: true, booking: { status: 'cancelled' } });
      expect(logText(h)).toContain(String(issued.reply['clientId']));
      expect((await get(h, '/api/intake/v1/bookings/nope', auth)).status).toBe(404);

      // The key is revoked: only by a hall supervisor; its next request is refused, its bookings stay.
      const clientId = String(issued.reply['clientId']);
      const listed = await get(h, '/api/intake/keys', { authorization: `Bearer ${spvToken}` });
      expect(listed.reply).toMatchObject({
        ok: true,
        clients: [{ clientId, name: 'Aplikasi Kota', createdBy: 'supervisor', revokedAt: null }],
      });
      expect(JSON.stringify(listed.reply)).not.toContain(key);
      expect((await get(h, '/api/intake/keys', { authorization: `Bearer ${staffToken}` })).status).toBe(403);
      const byStaff = await post(h, `/api/intake/keys/${clientId}/revoke`, undefined, {
        authorization: `Bearer ${staffToken}`,
      });
      expect(byStaff.status).toBe(403);
      expect((await get(h, '/api/intake/v1/bookings/kota-000123', auth)).status).toBe(200);
      const revoked = await post(h, `/api/intake/keys/${clientId}/revoke`, undefined, {
        authorization: `Bearer ${spvToken}`,
      });
      expect(revoked).toMatchObject({ status: 200, reply: { ok: true, clientId, revokedAt: h.clock.now() } });
      expect((await get(h, '/api/intake/v1/bookings/kota-000123', auth)).status).toBe(401);
      expect(
        (await post(h, '/api/intake/v1/bookings', { ...request, clientRef: 'kota-2' }, auth)).status,
      ).toBe(401);
      expect(
        h.bookings.book.get(String((one.reply as { booking?: { bookingId: string } }).booking?.bookingId)),
      ).toBeDefined();
      // Again: the same answer, nothing changes; an unknown client is told so.
      h.clock.advance(60_000);
      const again = await post(h, `/api/intake/keys/${clientId}/revoke`, undefined, {
        authorization: `Bearer ${spvToken}`,
      });
      expect(again.reply).toEqual(revoked.reply);
      const unknown = await post(h, '/api/intake/keys/nobody-1/revoke', undefined, {
        authorization: `Bearer ${spvToken}`,
      });
      expect(unknown).toMatchObject({
        status: 404,
        reply: { ok: false, text: { id: 'Sistem itu tidak dikenal.' } },
      });
    } finally {
      spv.close();
      staff.close();
    }
  });
});

describe('check-in over the socket', () => {
  it('issues the ticket by code or NIK inside the window, and offers a walk-in when late', async () => {
    const { h } = await start();
    const byCodeNik = nik();
    const c1 = code((await post(h, '/api/booking', body({ nik: byCodeNik }))).reply);
    const byNik = nik();
    code((await post(h, '/api/booking', body({ nik: byNik, slotStart: at('10:15') }))).reply);
    const late = code((await post(h, '/api/booking', body({ slotStart: at('09:00') }))).reply);
    h.clock.t = at('09:46');
    const kiosk = connect(h.url, kioskCredentials('kiosk-1'));
    try {
      await waitFor(kiosk, () => kiosk.status === 'online');
      const first = (await kiosk.request('booking:checkIn', { code: c1.toLowerCase() })) as CheckInReply;
      expect(first).toMatchObject({ ok: true, displayNumber: 'M-001' });
      const ticket = first.ok ? h.service.state.ticket(first.ticketId) : undefined;
      expect(ticket?.appointment?.slotStart).toBe(at('10:00'));
      expect(ticket?.rank).toBe(at('10:00'));
      const again = (await kiosk.request('booking:checkIn', { code: c1 })) as CheckInReply;
      expect(again).toMatchObject({ ok: false, refusal: 'CHECKED_IN' });
      const second = (await kiosk.request('booking:checkIn', {
        nik: byNik.replace(/(\d{4})/g, '$1 '),
      })) as CheckInReply;
      expect(second).toMatchObject({ ok: true });
      const tooLate = (await kiosk.request('booking:checkIn', { code: late })) as CheckInReply;
      expect(tooLate).toMatchObject({ ok: false, refusal: 'CHECK_IN_LATE', walkInServiceId: 'skck' });
      expect(tooLate.ok || tooLate.text?.id).toContain('nomor antrean biasa');
      const wrong = (await kiosk.request('booking:checkIn', { code: 'ZZ-ABCDEF' })) as CheckInReply;
      expect(wrong).toMatchObject({ ok: false, refusal: 'WRONG_HALL' });
      expect(wrong).not.toHaveProperty('walkInServiceId');
      const noNik = (await kiosk.request('booking:checkIn', { nik: '1234' })) as CheckInReply;
      expect(noNik).toMatchObject({ ok: false, refusal: 'INVALID_NIK' });
      expect(logText(h)).not.toContain(byNik);
    } finally {
      kiosk.close();
    }
  });

  it('lets staff of the agency check in from the counter, and not staff of another', async () => {
    const { h, pins } = await start();
    const c = code((await post(h, '/api/booking', body())).reply);
    h.clock.t = at('09:45');
    const other = connect(h.url);
    const polres = connect(h.url);
    try {
      await waitFor(other, () => other.status === 'online');
      await waitFor(polres, () => polres.status === 'online');
      await signIn(other, 'dukcapil1', pins.get('dukcapil1') ?? '');
      await signIn(polres, 'polres1', pins.get('polres1') ?? '');
      expect(await other.request('booking:checkIn', { code: c })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await polres.request('booking:checkIn', { code: c })).toMatchObject({ ok: true });
    } finally {
      other.close();
      polres.close();
    }
  });
});

describe('appointments in the reports', () => {
  it('counts booked, checked in, served, missed and cancelled per day and service, for its agency', async () => {
    const { h, pins } = await start();
    const missed = code((await post(h, '/api/booking', body({ slotStart: at('09:00') }))).reply);
    const served = code((await post(h, '/api/booking', body())).reply);
    const waiting = code((await post(h, '/api/booking', body())).reply);
    code((await post(h, '/api/booking', body({ slotStart: at('10:15') }))).reply);
    const cancelled = code((await post(h, '/api/booking', body({ slotStart: at('10:30') }))).reply);
    expect((await post(h, `/api/booking/${cancelled}/cancel`)).status).toBe(200);
    h.clock.t = at('09:50');
    const kiosk = connect(h.url, kioskCredentials('kiosk-1'));
    const spv = connect(h.url);
    const polres = connect(h.url);
    const dukcapil = connect(h.url);
    try {
      for (const c of [kiosk, spv, polres, dukcapil]) await waitFor(c, () => c.status === 'online');
      for (const c of [served, waiting]) {
        expect(await kiosk.request('booking:checkIn', { code: c })).toMatchObject({ ok: true });
      }
      expect(await kiosk.request('booking:checkIn', { code: missed })).toMatchObject({
        refusal: 'CHECK_IN_LATE',
      });
      const tokens = {
        spv: await signIn(spv, 'supervisor', pins.get('supervisor') ?? ''),
        polres: await signIn(polres, 'polres1', pins.get('polres1') ?? ''),
        dukcapil: await signIn(dukcapil, 'dukcapil1', pins.get('dukcapil1') ?? ''),
      };
      await waitFor(polres, () => polres.state !== undefined);
      for (const command of [
        { type: 'setCounterStatus', counterId: 'loket-15', status: 'open' },
        { type: 'callNext', counterId: 'loket-15' },
        { type: 'startServing', counterId: 'loket-15' },
        { type: 'finish', counterId: 'loket-15' },
      ] as const) {
        expect(await polres.command(command)).toMatchObject({ ok: true });
      }
      h.clock.t = at('10:05');
      const report = async (token: string) => {
        const res = await fetch(`${h.url}/api/reports/bookings?period=day`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
        return ((await res.json()) as { tables: Array<{ rows: Array<Record<string, unknown>> }> }).tables[0]
          ?.rows;
      };
      const row = {
        day: TUESDAY,
        key: 'skck',
        booked: 4,
        checkedIn: 2,
        served: 1,
        missed: 1,
        open: 1,
        cancelled: 1,
        checkedInPct: 66.7,
      };
      expect(await report(tokens.spv)).toEqual([
        expect.objectContaining(row),
        expect.objectContaining({ ...row, day: null, key: '', name: 'Total' }),
      ]);
      expect(await report(tokens.polres)).toEqual(await report(tokens.spv));
      // The checked-in tickets count as appointments among the tickets' origins, too.
      const origins = await fetch(`${h.url}/api/reports/origins?period=day`, {
        headers: { authorization: `Bearer ${tokens.spv}` },
      });
      const originRows = (
        (await origins.json()) as { tables: Array<{ rows: Array<Record<string, unknown>> }> }
      ).tables[0]?.rows;
      expect(originRows?.find((r) => r['key'] === 'appointment')).toMatchObject({
        transactions: 2,
        served: 1,
      });
      // Another agency's staff see their own agency only: no SKCK bookings.
      expect(await report(tokens.dukcapil)).toEqual([expect.objectContaining({ key: '', booked: 0 })]);
      // The report names no one: no NIK, name or phone in it.
      const csv = await (
        await fetch(`${h.url}/api/reports/bookings.csv?period=day`, {
          headers: { authorization: `Bearer ${tokens.spv}` },
        })
      ).text();
      expect(csv).toContain('skck');
      expect(csv).not.toMatch(/Rina|1374\d{12}|0812/);
    } finally {
      for (const c of [kiosk, spv, polres, dukcapil]) c.close();
    }
  });
});

describe('a package booked in one go', () => {
  /** A first passport: the KTP-el recorded (15-minute slots, 10 typical), then the passport. */
  const withPackage = (c: HallConfig): HallConfig => ({
    ...c,
    packages: [
      ...c.packages,
      {
        id: 'paspor-pertama',
        name: { id: 'Paspor pertama', en: 'First passport' },
        serviceIds: ['paspor-baru', 'perekaman-ktp-el'],
        order: [['perekaman-ktp-el', 'paspor-baru']],
      },
    ],
  });

  it('books one code with chained slots, cancels all, and checks in as a visit of its legs', async () => {
    const { h } = await start(withPackage);
    const catalog = await get(h, '/api/booking/catalog');
    expect(catalog.reply['packages']).toEqual([
      expect.objectContaining({ id: 'paspor-pertama', serviceIds: ['perekaman-ktp-el', 'paspor-baru'] }),
    ]);
    const slots = await get(h, `/api/booking/slots?package=paspor-pertama&day=${TUESDAY}`);
    const ten = (slots.reply['slots'] as Array<{ start: number; legs: Array<{ clock: string }> }>).find(
      (s) => s.start === at('10:00'),
    );
    // KTP-el 10:00–10:15, then its typical 10 minutes: the first passport slot from 10:25 is 10:30.
    expect(ten?.legs.map((l) => l.clock)).toEqual(['10:00', '10:30']);

    const pkg = { packageId: 'paspor-pertama', serviceId: undefined };
    const booked = await post(h, '/api/booking', body({ ...pkg, nik: '1374015708900001' }));
    expect(booked.status).toBe(200);
    const c = code(booked.reply);
    expect(booked.reply.ok && booked.reply.booking.legs?.map((l) => [l.serviceId, l.clock])).toEqual([
      ['perekaman-ktp-el', '10:00'],
      ['paspor-baru', '10:30'],
    ]);
    expect(h.bookings.book.seatsTaken('paspor-baru', at('10:30'))).toBe(1);
    const cancelled = await post(h, `/api/booking/${c}/cancel`);
    expect(cancelled.reply).toMatchObject({ ok: true, booking: { status: 'cancelled' } });
    expect(h.bookings.book.seatsTaken('paspor-baru', at('10:30'))).toBe(0);
    expect(h.bookings.book.seatsTaken('perekaman-ktp-el', at('10:00'))).toBe(0);

    // Both seats of the 10:30 passport slot taken: a package at 10:00 chains to the next free one, 10:45.
    for (const n of ['1374011708900002', '1374011708900003']) {
      await post(h, '/api/booking', {
        ...body({ nik: n }),
        serviceId: 'paspor-baru',
        slotStart: at('10:30'),
      });
    }
    const again = await post(h, '/api/booking', body({ ...pkg, nik: '1374015708900001' }));
    expect(again.reply.ok && again.reply.booking.legs?.map((l) => l.clock)).toEqual(['10:00', '10:45']);
    const c2 = code(again.reply);
    h.clock.t = at('09:46');
    const kiosk = connect(h.url, kioskCredentials('kiosk-1'));
    try {
      await waitFor(kiosk, () => kiosk.status === 'online');
      const checkedIn = (await kiosk.request('booking:checkIn', { code: c2 })) as CheckInReply;
      expect(checkedIn).toMatchObject({ ok: true });
      const ticket = checkedIn.ok ? h.service.state.ticket(checkedIn.ticketId) : undefined;
      expect(ticket?.serviceId).toBe('perekaman-ktp-el');
      expect(ticket?.visit?.packageId).toBe('paspor-pertama');
      expect(ticket?.visit?.legs.map((l) => l.serviceId)).toEqual(['perekaman-ktp-el', 'paspor-baru']);
    } finally {
      kiosk.close();
    }
    expect(logText(h)).not.toContain('1374015708900001');
  });

  it('refuses a body naming both a service and a package, or neither', async () => {
    const { h } = await start(withPackage);
    const both = await post(h, '/api/booking', body({ packageId: 'paspor-pertama' }));
    expect(both.status).toBe(400);
    const neither = await post(h, '/api/booking', body({ serviceId: undefined }));
    expect(neither.status).toBe(400);
  });
});
