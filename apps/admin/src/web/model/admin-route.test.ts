import { describe, expect, it } from 'vitest';
import { ADMIN_PAGES, pageOfPath, pathOfPage } from './admin-route.js';

describe('admin routes', () => {
  it('reads each page back from its own path', () => {
    for (const page of ADMIN_PAGES) expect(pageOfPath(pathOfPage(page))).toBe(page);
  });

  it('lands on the board for the root and for paths it does not know', () => {
    expect(pageOfPath('/admin/')).toBe('board');
    expect(pageOfPath('/admin')).toBe('board');
    expect(pageOfPath('/admin/nope')).toBe('board');
    expect(pageOfPath('/admin/reports/extra')).toBe('reports');
  });
});
