import { describe, expect, it } from 'vitest';
import { parseReportQuery } from '@antre/reporting';
import { testHall } from '@antre/shared/testing';
import type { ReportFilterState } from './report-request.js';
import { reportQuery } from './report-request.js';

const ALL: ReportFilterState = {
  period: 'month',
  from: '2026-11-30',
  to: '',
  agency: '',
  service: '',
  counter: '',
  staff: '',
  priority: '',
  origin: '',
};

/** What the hub reads from the query the page sends. */
function asHubReadsIt(query: string) {
  return parseReportQuery(Object.fromEntries(new URLSearchParams(query)), testHall(), '2026-12-05');
}

describe('the report query the page sends', () => {
  it('sends a month around a day, and no filter it does not set', () => {
    const query = reportQuery(ALL);
    expect(query).toBe('period=month&date=2026-11-30');
    expect(asHubReadsIt(query).period).toMatchObject({ kind: 'month', from: '2026-11-01', to: '2026-11-30' });
  });

  it('sends a custom range and every filter set, which the hub reads back', () => {
    const query = reportQuery(
      {
        ...ALL,
        period: 'custom',
        from: '2026-11-02',
        to: '2026-11-06',
        agency: 'disdukcapil',
        service: 'ktp',
        priority: 'elderly',
        origin: 'kiosk',
      },
      { table: 'services' },
    );
    const read = asHubReadsIt(query);
    expect(read.period).toMatchObject({ kind: 'custom', from: '2026-11-02', to: '2026-11-06' });
    expect(read.filters).toMatchObject({
      agencyId: 'disdukcapil',
      serviceId: 'ktp',
      priority: 'elderly',
      origin: 'kiosk',
    });
    expect(read.table).toBe('services');
  });
});
