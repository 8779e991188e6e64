import { describe, expect, it } from 'vitest';
import { auditCsv, auditEntry, auditMatches, auditQuerySchema, changedFields } from './config-audit.js';
import { TestHallAdmin } from './testing/test-hall-admin.js';
import { TestQueue, testHall } from './testing/test-hall.js';

const MON_0900 = Date.parse('2026-03-02T09:00:00+07:00');

function trail() {
  const admin = new TestHallAdmin(new TestQueue(testHall(), MON_0900));
  const ktp = admin.q.config.services[0]!;
  admin.must({
    type: 'update',
    item: { kind: 'service', value: { ...ktp, name: { id: 'KTP-el', en: 'e-ID' }, targetMinutes: 8 } },
  });
  admin.q.issue('ktp');
  admin.q.advance(60_000);
  admin.staff({ type: 'resetPin', username: 'dukcapil1' }, admin.version, {
    username: 'kepala',
    name: 'Kepala',
    role: 'supervisor',
    agencyId: 'disdukcapil',
  });
  admin.q.apply([{ type: 'DeviceRevoked', kind: 'kiosk', deviceId: 'k1', by: 'spv' }]);
  return admin.q.log.flatMap((e) => auditEntry(e) ?? []);
}

describe('the audit trail', () => {
  it('reads who changed what, when, before and after, from the log; queue events are not in it', () => {
    const entries = trail();
    expect(entries.map((e) => [e.kind, e.action, e.subject, e.by])).toEqual([
      ['service', 'update', 'service:ktp', 'spv'],
      ['staff', 'resetPin', 'staff:dukcapil1', 'kepala'],
      ['device', 'revoke', 'kiosk:k1', 'spv'],
    ]);
    expect(entries[0]?.fields.sort()).toEqual(['name.en', 'name.id', 'targetMinutes']);
    expect(entries[0]?.agencies).toEqual(['disdukcapil']);
    expect(entries[1]?.fields).toEqual(['pin']);
    expect(entries[1]?.at).toBe(MON_0900 + 60_000);
  });

  it('filters by kind, author, subject and time', () => {
    const entries = trail();
    const q = (input: object) =>
      entries.filter((e) => auditMatches(e, auditQuerySchema.parse(input))).map((e) => e.subject);
    expect(q({ kind: 'staff' })).toEqual(['staff:dukcapil1']);
    expect(q({ by: 'spv' })).toEqual(['service:ktp', 'kiosk:k1']);
    expect(q({ subject: 'KTP' })).toEqual(['service:ktp']);
    expect(q({ from: MON_0900 + 1 })).toEqual(['staff:dukcapil1', 'kiosk:k1']);
    expect(q({ to: MON_0900 + 1 })).toEqual(['service:ktp']);
  });

  it('exports CSV with the hall time, quoted JSON and defused formulas', () => {
    const entries = trail();
    const csv = auditCsv(entries, 'Asia/Jakarta');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Waktu / Time,Oleh / By,Jenis / Kind,Tindakan / Action,Subjek / Subject,Versi / Version,Kolom / Fields,Sebelum / Before,Sesudah / After',
    );
    expect(lines[1]).toMatch(/^2026-03-02 09:00:00,spv,service,update,service:ktp,2,/);
    expect(lines[1]).toContain('"{""id"":""ktp""');
    const evil = auditCsv([{ ...entries[2]!, by: '=HYPERLINK("x")' }], 'Asia/Jakarta');
    expect(evil.split('\r\n')[1]).toMatch(/^2026-03-02 09:01:00,"'=HYPERLINK\(""x""\)",device/);
  });

  it('names the changed fields, lists compared whole', () => {
    expect(changedFields({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3] }, d: 4 })).toEqual(['b.c', 'd']);
    expect(changedFields(null, { a: 1 })).toEqual([]);
  });
});
