import { describe, expect, it } from 'vitest';
import { followConfig } from './config-events.js';
import { publicHallConfig } from './hall-config.js';
import { TestHallAdmin } from './testing/test-hall-admin.js';
import { TestQueue, testHall } from './testing/test-hall.js';

const MON_0900 = Date.parse('2026-03-02T09:00:00+07:00');

describe("a client's copy of the config", () => {
  it('follows the hub: the same changes, in version order, equal to the hub config', () => {
    const admin = new TestHallAdmin(new TestQueue(testHall(), MON_0900));
    const start = { config: publicHallConfig(admin.q.config), version: admin.version };
    admin.must({
      type: 'add',
      item: { kind: 'display', value: { id: 'layar-1', name: 'Lobi', zone: 'Lantai 1' } },
    });
    admin.q.issue('ktp');
    admin.staff({
      type: 'create',
      username: 'bpjs2',
      name: 'Petugas BPJS 2',
      role: 'staff',
      agencyId: 'bpjs',
    });
    admin.staff({ type: 'deactivate', username: 'bpjs1' });
    const followed = followConfig(start, admin.q.log);
    expect(followed.result).toBe('applied');
    if (followed.result === 'gap') return;
    expect(followed.current.version).toBe(4);
    expect(followed.current.config.displays).toEqual([{ id: 'layar-1', name: 'Lobi', zone: 'Lantai 1' }]);
    expect(followed.current.config.staff.map((s) => s.username)).toEqual([
      'spv',
      'dukcapil1',
      'dukcapil2',
      'imigrasi1',
      'bpjs2',
    ]);
    // Events it already has (a config loaded after them) change nothing.
    expect(followConfig(followed.current, admin.q.log)).toEqual({
      result: 'unchanged',
      current: followed.current,
    });
  });

  it('reports a gap when a version is missing, so the client loads the config afresh', () => {
    const admin = new TestHallAdmin(new TestQueue(testHall(), MON_0900));
    const start = { config: publicHallConfig(admin.q.config), version: admin.version };
    admin.must({ type: 'add', item: { kind: 'kiosk', value: { id: 'k3', name: 'Kios 3' } } });
    admin.must({ type: 'add', item: { kind: 'kiosk', value: { id: 'k4', name: 'Kios 4' } } });
    expect(followConfig(start, admin.q.log.slice(1)).result).toBe('gap');
  });
});
