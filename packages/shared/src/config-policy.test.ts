import { describe, expect, it } from 'vitest';
import type { Principal } from './access-policy.js';
import {
  authorizeAdmin,
  authorizeConfigChange,
  authorizeHallAdmin,
  authorizeStaffChange,
} from './access-policy.js';
import type { ConfigChangeInput } from './config-change.js';
import { configChangeSchema } from './config-change.js';
import type { StaffChangeInput, StaffRecord } from './staff-change.js';
import { staffChangeSchema } from './staff-change.js';
import { testHall } from './testing/test-hall.js';

const config = testHall();
const staff = (username: string, role: 'staff' | 'supervisor', agencyId?: string): Principal => ({
  kind: 'staff',
  staff:
    agencyId === undefined
      ? { username, name: username, role }
      : { username, name: username, role, agencyId },
});
const HALL = staff('spv', 'supervisor');
const HEAD = staff('kepala-dukcapil', 'supervisor', 'disdukcapil');
const COUNTER_STAFF = staff('dukcapil1', 'staff', 'disdukcapil');
const OTHERS: Principal[] = [
  { kind: 'public' },
  { kind: 'kiosk', kioskId: 'k1' },
  { kind: 'display', displayId: 'layar-1' },
];

const service = (id: string) => config.services.find((s) => s.id === id)!;
const counter = (id: string) => config.counters.find((c) => c.id === id)!;

function configVerdict(principal: Principal, input: ConfigChangeInput): string {
  return authorizeConfigChange(principal, configChangeSchema.parse(input), config)?.code ?? 'allowed';
}

const EXAMPLES: Record<string, ConfigChangeInput> = {
  ownService: { type: 'update', item: { kind: 'service', value: { ...service('ktp'), targetMinutes: 9 } } },
  otherService: {
    type: 'update',
    item: { kind: 'service', value: { ...service('paspor'), targetMinutes: 9 } },
  },
  ownServiceToOther: {
    type: 'update',
    item: { kind: 'service', value: { ...service('ktp'), agencyId: 'imigrasi' } },
  },
  otherServiceToOwn: {
    type: 'update',
    item: { kind: 'service', value: { ...service('paspor'), agencyId: 'disdukcapil' } },
  },
  newOwnService: {
    type: 'add',
    item: { kind: 'service', value: { ...service('ktp'), id: 'ktp2', prefix: 'Q' } },
  },
  newOtherService: {
    type: 'add',
    item: { kind: 'service', value: { ...service('jkn'), id: 'jkn2', prefix: 'Q' } },
  },
  removeOwnCounter: { type: 'remove', kind: 'counter', id: 'c3' },
  removeOtherCounter: { type: 'remove', kind: 'counter', id: 'c5' },
  newOwnCounter: { type: 'add', item: { kind: 'counter', value: { ...counter('c1'), id: 'c9', name: '9' } } },
  ownAgency: {
    type: 'update',
    item: { kind: 'agency', value: { ...config.agencies[0]!, shortName: 'Capil' } },
  },
  otherAgency: {
    type: 'update',
    item: { kind: 'agency', value: { ...config.agencies[1]!, shortName: 'Imi' } },
  },
  newAgency: {
    type: 'add',
    item: { kind: 'agency', value: { id: 'pajak', name: 'KPP', shortName: 'KPP', color: '#222222' } },
  },
  kiosk: { type: 'add', item: { kind: 'kiosk', value: { id: 'k3', name: 'Kios 3' } } },
  display: { type: 'add', item: { kind: 'display', value: { id: 'layar-2', name: 'Layar 2' } } },
  holiday: {
    type: 'add',
    item: { kind: 'holiday', value: { date: '2026-08-17', name: { id: 'HUT RI', en: 'Independence Day' } } },
  },
  hall: { type: 'setHall', hall: { ...config.hall, name: 'MPP' } },
  settings: { type: 'setSettings', settings: { ...config.settings, readLeadingZeros: true } },
  import: { type: 'import', config },
  package: {
    type: 'add',
    item: {
      kind: 'package',
      value: { id: 'paket', name: { id: 'Paket', en: 'Package' }, serviceIds: ['ktp', 'kk'], order: [] },
    },
  },
};

describe('who may change the hall config', () => {
  it('a supervisor of the whole hall may make every change', () => {
    for (const [name, input] of Object.entries(EXAMPLES))
      expect([name, configVerdict(HALL, input)]).toEqual([name, 'allowed']);
  });

  it("an agency's supervisor changes only their agency's details, services and counters", () => {
    const verdicts = Object.fromEntries(
      Object.entries(EXAMPLES).map(([name, input]) => [name, configVerdict(HEAD, input)]),
    );
    expect(verdicts).toEqual({
      ownService: 'allowed',
      otherService: 'FORBIDDEN',
      ownServiceToOther: 'FORBIDDEN',
      otherServiceToOwn: 'FORBIDDEN',
      newOwnService: 'allowed',
      newOtherService: 'FORBIDDEN',
      removeOwnCounter: 'allowed',
      removeOtherCounter: 'FORBIDDEN',
      newOwnCounter: 'allowed',
      ownAgency: 'allowed',
      otherAgency: 'FORBIDDEN',
      newAgency: 'FORBIDDEN',
      kiosk: 'FORBIDDEN',
      display: 'FORBIDDEN',
      holiday: 'FORBIDDEN',
      hall: 'FORBIDDEN',
      settings: 'FORBIDDEN',
      import: 'FORBIDDEN',
      package: 'FORBIDDEN',
    });
  });

  it('counter staff cannot open the admin console nor change anything; devices and the public neither', () => {
    expect(authorizeAdmin(COUNTER_STAFF)?.code).toBe('FORBIDDEN');
    expect(configVerdict(COUNTER_STAFF, EXAMPLES['ownService']!)).toBe('FORBIDDEN');
    for (const p of OTHERS) {
      expect(authorizeAdmin(p)?.code).toBe('UNAUTHENTICATED');
      expect(configVerdict(p, EXAMPLES['ownService']!)).toBe('UNAUTHENTICATED');
    }
    expect(authorizeAdmin(HEAD)).toBeUndefined();
    expect(authorizeAdmin(HALL)).toBeUndefined();
  });

  it('devices, the pairing code and export are for a supervisor of the whole hall', () => {
    expect(authorizeHallAdmin(HALL)).toBeUndefined();
    expect(authorizeHallAdmin(HEAD)?.code).toBe('FORBIDDEN');
    expect(authorizeHallAdmin(COUNTER_STAFF)?.code).toBe('FORBIDDEN');
    expect(authorizeHallAdmin({ kind: 'public' })?.code).toBe('UNAUTHENTICATED');
  });
});

describe('who may change staff accounts', () => {
  const accounts: StaffRecord[] = [
    { username: 'spv', name: 'SPV', role: 'supervisor', active: true, hasPassword: false },
    {
      username: 'kepala-dukcapil',
      name: 'Kepala',
      role: 'supervisor',
      agencyId: 'disdukcapil',
      active: true,
      hasPassword: false,
    },
    {
      username: 'dukcapil1',
      name: 'D1',
      role: 'staff',
      agencyId: 'disdukcapil',
      active: true,
      hasPassword: false,
    },
    {
      username: 'imigrasi1',
      name: 'I1',
      role: 'staff',
      agencyId: 'imigrasi',
      active: true,
      hasPassword: false,
    },
  ];
  const verdict = (p: Principal, input: StaffChangeInput) =>
    authorizeStaffChange(p, staffChangeSchema.parse(input), accounts)?.code ?? 'allowed';

  it("an agency's supervisor manages their agency's counter staff only", () => {
    expect(
      verdict(HEAD, {
        type: 'create',
        username: 'dukcapil3',
        name: 'D3',
        role: 'staff',
        agencyId: 'disdukcapil',
      }),
    ).toBe('allowed');
    expect(
      verdict(HEAD, {
        type: 'create',
        username: 'imigrasi3',
        name: 'I3',
        role: 'staff',
        agencyId: 'imigrasi',
      }),
    ).toBe('FORBIDDEN');
    expect(
      verdict(HEAD, {
        type: 'create',
        username: 'kepala2',
        name: 'K2',
        role: 'supervisor',
        agencyId: 'disdukcapil',
      }),
    ).toBe('FORBIDDEN');
    expect(verdict(HEAD, { type: 'resetPin', username: 'dukcapil1' })).toBe('allowed');
    expect(verdict(HEAD, { type: 'deactivate', username: 'imigrasi1' })).toBe('FORBIDDEN');
    expect(
      verdict(HEAD, {
        type: 'update',
        username: 'dukcapil1',
        name: 'D1',
        role: 'staff',
        agencyId: 'imigrasi',
      }),
    ).toBe('FORBIDDEN');
    expect(
      verdict(HEAD, {
        type: 'update',
        username: 'dukcapil1',
        name: 'D1',
        role: 'supervisor',
        agencyId: 'disdukcapil',
      }),
    ).toBe('FORBIDDEN');
    expect(verdict(HEAD, { type: 'resetPin', username: 'spv' })).toBe('FORBIDDEN');
  });

  it('a hall supervisor manages every account; everyone sets only their own password', () => {
    expect(
      verdict(HALL, {
        type: 'create',
        username: 'kepala2',
        name: 'K2',
        role: 'supervisor',
        agencyId: 'imigrasi',
      }),
    ).toBe('allowed');
    expect(verdict(HALL, { type: 'deactivate', username: 'kepala-dukcapil' })).toBe('allowed');
    expect(verdict(HALL, { type: 'setPassword', username: 'spv', password: 'kata-sandi-panjang' })).toBe(
      'allowed',
    );
    expect(
      verdict(HALL, { type: 'setPassword', username: 'kepala-dukcapil', password: 'kata-sandi-panjang' }),
    ).toBe('FORBIDDEN');
    expect(
      verdict(HEAD, { type: 'setPassword', username: 'kepala-dukcapil', password: 'kata-sandi-panjang' }),
    ).toBe('allowed');
    expect(verdict(HALL, { type: 'clearPassword', username: 'kepala-dukcapil' })).toBe('allowed');
  });

  it('counter staff change no account, not even their own', () => {
    expect(verdict(COUNTER_STAFF, { type: 'resetPin', username: 'dukcapil1' })).toBe('FORBIDDEN');
    expect(verdict({ kind: 'public' }, { type: 'resetPin', username: 'dukcapil1' })).toBe('UNAUTHENTICATED');
  });
});
