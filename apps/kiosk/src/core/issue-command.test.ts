import { commandSchema } from '@antre/shared';
import { describe, expect, it } from 'vitest';
import { issueCommand } from './issue-command.js';

describe('issueCommand', () => {
  it('asks for one service, or for the visit chosen, in a form the hub accepts', () => {
    const one = issueCommand({ serviceId: 'skck', priority: 'none' });
    expect(one).toEqual({ type: 'issueTicket', serviceId: 'skck', priority: 'none' });
    const pkg = issueCommand({
      serviceId: 'surat-pindah',
      priority: 'elderly',
      visit: { serviceIds: ['surat-pindah', 'kartu-keluarga'], packageId: 'pindah-datang' },
    });
    expect(pkg).toEqual({
      type: 'issueTicket',
      serviceIds: ['surat-pindah', 'kartu-keluarga'],
      packageId: 'pindah-datang',
      priority: 'elderly',
    });
    const basket = issueCommand({
      serviceId: 'skck',
      priority: 'none',
      visit: { serviceIds: ['skck', 'paspor'] },
    });
    expect(basket).toEqual({ type: 'issueTicket', serviceIds: ['skck', 'paspor'], priority: 'none' });
    for (const c of [one, pkg, basket]) expect(commandSchema.safeParse(c).success).toBe(true);
  });
});
