/** The console's pages, each at its own address under `/admin/`, so a link or a reload lands on it. */
export const ADMIN_PAGES = ['board', 'config', 'staff', 'devices', 'audit', 'reports'] as const;
export type AdminPage = (typeof ADMIN_PAGES)[number];

const BASE = '/admin/';

/** The page a path names: `/admin/reports` → reports; `/admin/` or anything unknown → the board. */
export function pageOfPath(path: string): AdminPage {
  const first = path.startsWith(BASE) ? path.slice(BASE.length).split('/')[0] : '';
  return ADMIN_PAGES.find((p) => p === first) ?? 'board';
}

export function pathOfPage(page: AdminPage): string {
  return page === 'board' ? BASE : `${BASE}${page}`;
}
