import { describe, expect, it } from 'vitest';
import { agencyBeside, serviceWithAgency } from './service-names.js';

const SKCK = { id: 'SKCK (Surat Keterangan Catatan Kepolisian)', en: 'Police clearance certificate (SKCK)' };

describe('service and agency names', () => {
  it('names each thing once: no bracket the service already says, no agency the service already names', () => {
    expect(serviceWithAgency(SKCK, { shortName: 'Polres (SKCK)' })).toEqual({
      id: 'SKCK (Surat Keterangan Catatan Kepolisian) · Polres',
      en: 'Police clearance certificate (SKCK) · Polres',
    });
    expect(serviceWithAgency({ id: 'Klaim JHT BPJS TK', en: 'JHT claim' }, { shortName: 'BPJS TK' })).toEqual(
      { id: 'Klaim JHT BPJS TK', en: 'JHT claim · BPJS TK' },
    );
    expect(serviceWithAgency({ id: 'Paspor baru', en: 'New passport' }, { shortName: 'Imigrasi' }).id).toBe(
      'Paspor baru · Imigrasi',
    );
    expect(serviceWithAgency({ id: 'Paspor baru', en: 'New passport' }, undefined).en).toBe('New passport');
    expect(agencyBeside(SKCK, { shortName: 'Polres (SKCK)' }, 'id')).toBe('Polres');
    expect(agencyBeside({ id: 'PBB', en: 'PBB' }, { shortName: 'Bapenda' }, 'en')).toBe('Bapenda');
  });
});
