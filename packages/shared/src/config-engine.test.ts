import { describe, expect, it } from 'vitest';
import type { ConfigChangeInput } from './config-change.js';
import { applyConfigChange, configChangeSchema } from './config-change.js';
import { refusalText } from './config-refusal.js';
import { QueueDay } from './queue-day.js';
import { TestHallAdmin } from './testing/test-hall-admin.js';
import { TestQueue, testHall } from './testing/test-hall.js';

const MON_0900 = Date.parse('2026-03-02T09:00:00+07:00');
const DAY_MS = 24 * 60 * 60_000;

function hall(): TestHallAdmin {
  return new TestHallAdmin(new TestQueue(testHall(), MON_0900));
}

const KITAS: ConfigChangeInput = {
  type: 'add',
  item: {
    kind: 'service',
    value: {
      id: 'kitas',
      agencyId: 'imigrasi',
      prefix: 'K',
      name: { id: 'Izin tinggal terbatas', en: 'Limited stay permit' },
      requirements: { id: ['Paspor', 'Sponsor'], en: ['Passport', 'Sponsor'] },
      targetMinutes: 20,
    },
  },
};

const COUNTER_6: ConfigChangeInput = {
  type: 'add',
  item: { kind: 'counter', value: { id: 'c6', name: '6', agencyId: 'imigrasi', serviceIds: ['kitas'] } },
};

/** The code and field of a refusal; `ok` for an accepted change. */
function outcome(decision: ReturnType<TestHallAdmin['change']>): string {
  if (decision.ok) return 'ok';
  return `${decision.error.code}${refusalText(decision.error)?.field ? `@${refusalText(decision.error)?.field}` : ''}`;
}

/** Asserts that a refused change left the config, its version and the day as they were. */
function expectRefusedUnchanged(
  admin: TestHallAdmin,
  input: ConfigChangeInput,
  code: string,
  expected = admin.version,
) {
  const config = JSON.stringify(admin.q.config);
  const version = admin.version;
  const day = JSON.stringify(admin.q.state.snapshot());
  expect(outcome(admin.change(input, expected))).toBe(code);
  expect(JSON.stringify(admin.q.config)).toBe(config);
  expect(admin.version).toBe(version);
  expect(JSON.stringify(admin.q.state.snapshot())).toBe(day);
}

describe('config changes, live', () => {
  it('adds a service and a counter for it, usable at once: a ticket is issued and called there', () => {
    const admin = hall();
    const added = admin.must(KITAS);
    expect(added).toMatchObject({ type: 'ConfigChanged', version: 2, before: null, by: 'spv' });
    admin.must(COUNTER_6);
    expect(admin.version).toBe(3);
    expect(admin.q.config.services.find((s) => s.id === 'kitas')?.requirements.en).toEqual([
      'Passport',
      'Sponsor',
    ]);
    const ticket = admin.q.issue('kitas');
    expect(ticket.displayNumber).toBe('K-001');
    admin.q.open('c6');
    admin.q.must({ type: 'callNext', counterId: 'c6' });
    expect(admin.q.currentAt('c6')).toBe('K-001');
  });

  it('records before and after of an update, and refuses an update of an unknown item', () => {
    const admin = hall();
    const event = admin.must({
      type: 'update',
      item: {
        kind: 'agency',
        value: { id: 'bpjs', name: 'BPJS Kesehatan Cabang', shortName: 'BPJS', color: '#2e7d32' },
      },
    });
    expect(event).toMatchObject({
      before: { id: 'bpjs', color: '#43a047' },
      after: { id: 'bpjs', color: '#2e7d32', name: 'BPJS Kesehatan Cabang' },
    });
    expectRefusedUnchanged(
      admin,
      {
        type: 'update',
        item: { kind: 'agency', value: { id: 'pajak', name: 'KPP', shortName: 'KPP', color: '#000000' } },
      },
      'UNKNOWN_ITEM',
    );
    expectRefusedUnchanged(admin, { type: 'remove', kind: 'counter', id: 'c99' }, 'UNKNOWN_ITEM');
  });

  it('refuses a taken id, a taken prefix and a taken counter number, at the field', () => {
    const admin = hall();
    const ktp = admin.q.config.services[0];
    expectRefusedUnchanged(
      admin,
      { type: 'add', item: { kind: 'service', value: { ...ktp!, prefix: 'Z' } } },
      'DUPLICATE_ID@id',
    );
    expectRefusedUnchanged(
      admin,
      { type: 'add', item: { kind: 'service', value: { ...ktp!, id: 'ktp-baru', prefix: 'P' } } },
      'DUPLICATE_ID@prefix',
    );
    expectRefusedUnchanged(
      admin,
      {
        type: 'add',
        item: {
          kind: 'counter',
          value: { id: 'c9', name: '4', agencyId: 'imigrasi', serviceIds: ['paspor'] },
        },
      },
      'DUPLICATE_ID@name',
    );
  });

  it('refuses references to what does not exist: an agency, a service of a counter', () => {
    const admin = hall();
    expectRefusedUnchanged(
      admin,
      {
        type: 'add',
        item: {
          kind: 'counter',
          value: { id: 'c9', name: '9', agencyId: 'imigrasi', serviceIds: ['kitas'] },
        },
      },
      'VALIDATION_FAILED@serviceIds',
    );
    expectRefusedUnchanged(
      admin,
      {
        type: 'add',
        item: { kind: 'counter', value: { id: 'c9', name: '9', agencyId: 'pajak', serviceIds: ['paspor'] } },
      },
      'VALIDATION_FAILED@agencyId',
    );
    expectRefusedUnchanged(
      admin,
      {
        type: 'add',
        item: {
          kind: 'counter',
          value: { id: 'c9', name: '9', agencyId: 'imigrasi', serviceIds: ['paspor', 'paspor'] },
        },
      },
      'VALIDATION_FAILED@serviceIds',
    );
  });

  it('does not remove a service with waiting tickets (it can be closed), nor one a counter still serves', () => {
    const admin = hall();
    admin.q.issue('akta');
    expectRefusedUnchanged(admin, { type: 'remove', kind: 'service', id: 'akta' }, 'IN_USE');
    // Closing it is allowed: no hours, no new tickets; the waiting visitor is still served.
    const akta = admin.q.config.services.find((s) => s.id === 'akta')!;
    const closed = { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] };
    admin.must({ type: 'update', item: { kind: 'service', value: { ...akta, hours: closed } } });
    expect(admin.q.decide({ type: 'issueTicket', serviceId: 'akta' })).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_CLOSED' },
    });
    admin.q.open('c3');
    admin.q.must({ type: 'callNext', counterId: 'c3' });
    admin.q.must({ type: 'finish', counterId: 'c3' });
    // No visitor waits now, but counters 2 and 3 serve it.
    const refused = admin.change({ type: 'remove', kind: 'service', id: 'akta' });
    expect(outcome(refused)).toBe('IN_USE');
    expect(refused.ok ? '' : refusalText(refused.error)?.text.en).toContain('Counters 2, 3');
    admin.q.must({ type: 'setCounterStatus', counterId: 'c3', status: 'closed' });
    admin.must({ type: 'remove', kind: 'counter', id: 'c3' });
    const c2 = admin.q.config.counters.find((c) => c.id === 'c2')!;
    admin.must({ type: 'update', item: { kind: 'counter', value: { ...c2, serviceIds: ['kk', 'ktp'] } } });
    admin.must({ type: 'remove', kind: 'service', id: 'akta' });
    expect(admin.q.config.services.map((s) => s.id)).not.toContain('akta');
  });

  it('does not remove a counter with a visitor, nor an open one; a closed one leaves the day too', () => {
    const admin = hall();
    admin.q.issue('paspor');
    admin.q.open('c4');
    admin.q.must({ type: 'callNext', counterId: 'c4' });
    expectRefusedUnchanged(admin, { type: 'remove', kind: 'counter', id: 'c4' }, 'IN_USE');
    admin.q.must({ type: 'hold', counterId: 'c4' });
    // A held visitor belongs to the counter: still refused.
    expectRefusedUnchanged(admin, { type: 'remove', kind: 'counter', id: 'c4' }, 'IN_USE');
    admin.q.must({ type: 'callTicket', counterId: 'c4', ticket: 'P-001' });
    admin.q.must({ type: 'finish', counterId: 'c4' });
    expectRefusedUnchanged(admin, { type: 'remove', kind: 'counter', id: 'c4' }, 'IN_USE');
    admin.q.must({ type: 'setCounterStatus', counterId: 'c4', status: 'closed' });
    admin.must({ type: 'remove', kind: 'counter', id: 'c4' });
    expect(admin.q.state.counters['c4']).toBeUndefined();
    expect(admin.q.decide({ type: 'callNext', counterId: 'c4' })).toMatchObject({
      error: { code: 'UNKNOWN_COUNTER' },
    });
  });

  it('does not reuse a prefix on the day it was printed, and does the next day', () => {
    const admin = hall();
    admin.q.issue('ktp'); // A-001
    const ktp = admin.q.config.services.find((s) => s.id === 'ktp')!;
    // The service itself may change its prefix: its printed tickets keep theirs.
    admin.must({ type: 'update', item: { kind: 'service', value: { ...ktp, prefix: 'KT' } } });
    expect(admin.q.issue('ktp').displayNumber).toBe('KT-002');
    const kitas = configChangeSchema.parse(KITAS);
    if (kitas.type !== 'add' || kitas.item.kind !== 'service') throw new Error('not a service');
    const withA: ConfigChangeInput = {
      type: 'add',
      item: { kind: 'service', value: { ...kitas.item.value, prefix: 'A' } },
    };
    expectRefusedUnchanged(admin, withA, 'IN_USE@prefix');
    // And ktp may take its own prefix back.
    admin.must({ type: 'update', item: { kind: 'service', value: { ...ktp, prefix: 'A' } } });
    admin.must({ type: 'update', item: { kind: 'service', value: { ...ktp, prefix: 'KT' } } });
    admin.q.advance(DAY_MS).rollover();
    expect(outcome(admin.change(withA))).toBe('ok');
  });

  it('does not remove an agency that still has services, counters or staff', () => {
    const admin = hall();
    expectRefusedUnchanged(admin, { type: 'remove', kind: 'agency', id: 'bpjs' }, 'IN_USE');
  });

  it('does not remove a kiosk that holds offline numbers today', () => {
    const admin = hall();
    admin.q.must({ type: 'leaseNumbers', serviceId: 'ktp' }, { kind: 'kiosk', kioskId: 'k2' });
    expectRefusedUnchanged(admin, { type: 'remove', kind: 'kiosk', id: 'k2' }, 'IN_USE');
    expect(outcome(admin.change({ type: 'remove', kind: 'kiosk', id: 'k1' }))).toBe('ok');
  });

  it('keeps the time zone and the lease settings on a day that already used them', () => {
    const admin = hall();
    const hallInfo = admin.q.config.hall;
    expect(outcome(admin.change({ type: 'setHall', hall: { ...hallInfo, timeZone: 'Asia/Makassar' } }))).toBe(
      'ok',
    );
    admin.must({ type: 'setHall', hall: { ...hallInfo, timeZone: 'Asia/Jakarta' } });
    admin.q.issue('ktp');
    expectRefusedUnchanged(
      admin,
      { type: 'setHall', hall: { ...hallInfo, timeZone: 'Asia/Jayapura' } },
      'IN_USE@timeZone',
    );
    // Other hall fields change freely.
    expect(outcome(admin.change({ type: 'setHall', hall: { ...hallInfo, name: 'MPP Baru' } }))).toBe('ok');
    const settings = admin.q.config.settings;
    expect(outcome(admin.change({ type: 'setSettings', settings: { ...settings, leaseStart: 601 } }))).toBe(
      'ok',
    );
    admin.q.must({ type: 'leaseNumbers', serviceId: 'ktp' }, { kind: 'kiosk', kioskId: 'k1' });
    expectRefusedUnchanged(
      admin,
      { type: 'setSettings', settings: { ...settings, leaseStart: 701 } },
      'IN_USE@leaseStart',
    );
    expect(
      outcome(
        admin.change({
          type: 'setSettings',
          settings: { ...admin.q.config.settings, readLeadingZeros: true },
        }),
      ),
    ).toBe('ok');
  });

  it('closes every service on a holiday', () => {
    const admin = hall();
    admin.must({
      type: 'add',
      item: { kind: 'holiday', value: { date: '2026-03-02', name: { id: 'Nyepi', en: 'Day of Silence' } } },
    });
    expect(admin.q.decide({ type: 'issueTicket', serviceId: 'ktp' })).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_CLOSED', details: { holiday: 'Nyepi' } },
    });
    expectRefusedUnchanged(
      admin,
      {
        type: 'add',
        item: { kind: 'holiday', value: { date: '2026-03-02', name: { id: 'Lagi', en: 'Again' } } },
      },
      'DUPLICATE_ID@date',
    );
    admin.must({ type: 'remove', kind: 'holiday', id: '2026-03-02' });
    expect(admin.q.decide({ type: 'issueTicket', serviceId: 'ktp' }).ok).toBe(true);
  });
});

describe('the version check (two supervisors)', () => {
  it('refuses the second change to the same item made on the same version, and nothing is overwritten', () => {
    const admin = hall();
    const seen = admin.version;
    const paspor = admin.q.config.services.find((s) => s.id === 'paspor')!;
    admin.must({ type: 'update', item: { kind: 'service', value: { ...paspor, targetMinutes: 25 } } }, seen);
    expectRefusedUnchanged(
      admin,
      { type: 'update', item: { kind: 'service', value: { ...paspor, dailyQuota: 50 } } },
      'CONFIG_CONFLICT',
      seen,
    );
    expect(admin.q.config.services.find((s) => s.id === 'paspor')).toMatchObject({ targetMinutes: 25 });
    expect(admin.q.config.services.find((s) => s.id === 'paspor')?.dailyQuota).toBeUndefined();
    // A change to another item made on the same version goes through.
    const jkn = admin.q.config.services.find((s) => s.id === 'jkn')!;
    expect(
      outcome(
        admin.change({ type: 'update', item: { kind: 'service', value: { ...jkn, dailyQuota: 80 } } }, seen),
      ),
    ).toBe('ok');
  });

  it('refuses an import made on an older version, and any change made before an import', () => {
    const admin = hall();
    const seen = admin.version;
    const { staff: _staff, ...config } = admin.q.config;
    admin.must({ type: 'setHall', hall: { ...config.hall, name: 'MPP Satu' } });
    expect(outcome(admin.change({ type: 'import', config: { ...config, staff: [] } }, seen))).toBe(
      'CONFIG_CONFLICT',
    );
    const beforeImport = admin.version;
    admin.must({
      type: 'import',
      config: { ...config, hall: { ...config.hall, name: 'MPP Dua' }, staff: [] },
    });
    const bpjs = config.agencies[2]!;
    expect(
      outcome(admin.change({ type: 'update', item: { kind: 'agency', value: bpjs } }, beforeImport)),
    ).toBe('CONFIG_CONFLICT');
    expect(
      outcome(admin.change({ type: 'update', item: { kind: 'agency', value: bpjs } }, admin.version + 1)),
    ).toBe('VALIDATION_FAILED@expectedVersion');
  });
});

describe('import', () => {
  it('replaces the config as a whole, under the same rules as each change', () => {
    const admin = hall();
    admin.q.issue('jkn');
    const { staff: _staff, ...config } = admin.q.config;
    const withoutBpjsService = {
      ...config,
      services: config.services.filter((s) => s.id !== 'jkn'),
      counters: config.counters.filter((c) => c.id !== 'c5'),
      staff: [],
    };
    const refused = admin.change({ type: 'import', config: withoutBpjsService });
    expect(outcome(refused)).toBe('IN_USE');
    expect(refused.ok ? '' : refusalText(refused.error)?.text.en).toMatch(/^Service jkn: /);
    // Without the waiting visitor's service removed, but with counter 6 added, it goes through.
    const next = {
      ...config,
      counters: [...config.counters, { id: 'c6', name: '6', agencyId: 'bpjs', serviceIds: ['jkn'] }],
      staff: [],
    };
    const event = admin.must({ type: 'import', config: next });
    expect(event).toMatchObject({ type: 'ConfigChanged', change: { type: 'import' } });
    expect(admin.q.state.counters['c6']).toMatchObject({ status: 'closed' });
    expect(admin.q.config.counters).toHaveLength(6);
  });
});

describe('the day follows config changes', () => {
  it('rebuilt from the config the day began with and its log, the day equals the live one (the restart rule)', () => {
    const admin = hall();
    const dayStartConfig = admin.q.config;
    admin.q.issue('paspor');
    admin.must(KITAS);
    admin.must(COUNTER_6);
    admin.q.issue('kitas');
    admin.q.open('c6');
    admin.q.must({ type: 'callNext', counterId: 'c6' });
    admin.q.must({ type: 'setCounterStatus', counterId: 'c5', status: 'closed' });
    admin.must({ type: 'remove', kind: 'counter', id: 'c5' });
    const rebuilt = QueueDay.empty(dayStartConfig, admin.q.state.day);
    for (const e of admin.q.log) rebuilt.apply(e);
    expect(rebuilt.snapshot()).toEqual(admin.q.state.snapshot());
    expect(Object.keys(rebuilt.counters).sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c6']);
  });

  it('applies a change to a copy and leaves the original untouched', () => {
    const config = testHall();
    const before = JSON.stringify(config);
    const next = applyConfigChange(config, configChangeSchema.parse(KITAS));
    expect(JSON.stringify(config)).toBe(before);
    expect(next.services.at(-1)?.id).toBe('kitas');
    expect(next.staff).toBe(config.staff);
  });
});

describe('service packages as config items', () => {
  const pindah = (serviceIds: string[], order: Array<[string, string]> = []): ConfigChangeInput => ({
    type: 'add',
    item: {
      kind: 'package',
      value: {
        id: 'pindah-datang',
        name: { id: 'Pindah datang', en: 'Moving in' },
        serviceIds,
        order,
      },
    },
  });

  it('adds a package of known services, and refuses one that names an unknown service, changing nothing', () => {
    const a = hall();
    const bad = a.change(pindah(['kk', 'nope']));
    expect(bad.ok ? 'accepted' : `${bad.error.code}@${refusalText(bad.error)?.field}`).toBe(
      'VALIDATION_FAILED@serviceIds',
    );
    expect(a.q.config.packages).toEqual([]);
    expect(a.version).toBe(1);
    // The order may name only the package's services: the whole-config schema's rule.
    const misordered = a.change(pindah(['kk', 'akta'], [['kk', 'ktp']]));
    expect(misordered.ok ? 'accepted' : misordered.error.code).toBe('VALIDATION_FAILED');
    const ok = a.change(pindah(['kk', 'ktp'], [['kk', 'ktp']]));
    expect(ok.ok).toBe(true);
    expect(a.q.config.packages.map((p) => p.id)).toEqual(['pindah-datang']);
  });

  it('refuses to remove a service a package still holds, and removes it once the package lets go', () => {
    const a = hall();
    a.must(pindah(['kk', 'akta']));
    // akta is served at c2 and c3 too: take it off them first, so the package is what holds it.
    for (const c of a.q.config.counters.filter((x) => x.serviceIds.includes('akta'))) {
      const rest = c.serviceIds.filter((s) => s !== 'akta');
      a.must(
        rest.length === 0
          ? { type: 'remove', kind: 'counter', id: c.id }
          : { type: 'update', item: { kind: 'counter', value: { ...c, serviceIds: rest } } },
      );
    }
    const held = a.change({ type: 'remove', kind: 'service', id: 'akta' });
    expect(held.ok ? 'accepted' : held.error.code).toBe('IN_USE');
    expect(held.ok ? '' : refusalText(held.error)?.text.id).toMatch(/Paket Pindah datang/);
    a.must({ type: 'remove', kind: 'package', id: 'pindah-datang' });
    expect(a.change({ type: 'remove', kind: 'service', id: 'akta' }).ok).toBe(true);
  });
});
