import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HallConfig, Principal, SignedInStaff } from '@antre/shared';
import { authorizeReport, hallDay } from '@antre/shared';
import type { BookingSource, FigureContext, Report, ReportId, ReportQuery } from '@antre/reporting';
import {
  REPORT_IDS,
  REPORT_TITLES,
  ReportError,
  isReportId,
  parseReportQuery,
  reportPage,
  runReport,
  tableToCsv,
} from '@antre/reporting';
import type { StaffSessions } from '../auth/staff-sessions.js';
import type { HubReports } from './hub-reports.js';
import { streamRawCsv, RAW_KINDS } from './raw-export.js';
import type { RawKind } from './raw-export.js';
import { reportToXlsx, rawToXlsx } from './xlsx-export.js';

export interface ReportRouteDeps {
  reports: HubReports;
  sessions: StaffSessions;
  config: HallConfig;
  now: () => number;
  /** The ledger of bookings, for the appointments report. */
  bookings?: BookingSource | undefined;
}

const FORMATS = ['json', 'csv', 'xlsx', 'html'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `/api/reports/...`: every report as JSON, CSV, XLSX or a printable page, and the raw rows of a period, for
 * signed-in staff (`Authorization: Bearer <session token>` from `staff:signIn`), scoped by `authorizeReport`.
 * Returns false for a path that is not its own.
 */
export async function handleReportRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ReportRouteDeps,
): Promise<boolean> {
  const path = url.pathname;
  if (path !== '/api/reports' && !path.startsWith('/api/reports/')) return false;
  try {
    const principal = principalOf(req, deps);
    if (principal.kind !== 'staff') {
      throw new ReportError(401, 'UNAUTHENTICATED', {
        id: 'Masuk sebagai petugas untuk melihat laporan.',
        en: 'Sign in as staff to see reports.',
      });
    }
    if (path === '/api/reports') {
      sendJson(res, 200, {
        reports: REPORT_IDS.map((id) => ({ id, title: REPORT_TITLES[id], formats: FORMATS })),
        raw: RAW_KINDS.map((kind) => ({ id: `raw/${kind}`, formats: ['csv', 'xlsx'] })),
      });
      return true;
    }
    const raw = /^\/api\/reports\/raw\/(visits|transactions)\.(csv|xlsx)$/.exec(path);
    if (raw) {
      const query = scopedQuery(url, principal, deps);
      await deps.reports.ready();
      const kind = raw[1] as RawKind;
      const name = `antre-${kind}-${query.period.from}_${query.period.to}`;
      if (raw[2] === 'csv') {
        res.writeHead(200, download('text/csv; charset=utf-8', `${name}.csv`));
        await streamRawCsv(deps.reports.store, kind, query, deps.config, (chunk) => res.write(chunk));
        res.end();
      } else {
        const body = await rawToXlsx(deps.reports.store, kind, query, deps.config);
        res.writeHead(200, download(XLSX_TYPE, `${name}.xlsx`));
        res.end(body);
      }
      return true;
    }
    const m = /^\/api\/reports\/([a-z-]{1,40})(?:\.(json|csv|xlsx|html))?$/.exec(path);
    if (!m?.[1] || !isReportId(m[1])) {
      throw new ReportError(404, 'NOT_FOUND', { id: 'Laporan tidak ditemukan.', en: 'No such report.' });
    }
    const id: ReportId = m[1];
    const format = (m[2] ?? 'json') as Format;
    const query = scopedQuery(url, principal, deps, id === 'monthly-summary' ? 'month' : undefined);
    await deps.reports.ready();
    const ctx: FigureContext = {
      store: deps.reports.store,
      config: deps.config,
      query,
      now: deps.now(),
      bookings: deps.bookings,
    };
    const report = await runReport(id, ctx);
    await send(res, report, format, query);
    return true;
  } catch (err) {
    if (!(err instanceof ReportError)) throw err;
    sendJson(res, err.status, { error: { code: err.code, message: err.text.en, text: err.text } });
    return true;
  }
}

async function send(res: ServerResponse, report: Report, format: Format, query: ReportQuery): Promise<void> {
  const name = `antre-${report.id}-${report.period.from}_${report.period.to}`;
  switch (format) {
    case 'json':
      return sendJson(res, 200, report);
    case 'csv': {
      const table =
        query.table === undefined ? report.tables[0] : report.tables.find((t) => t.name === query.table);
      if (!table) {
        throw new ReportError(400, 'VALIDATION_FAILED', {
          id: `Tabel tidak ada: ${query.table ?? ''}`,
          en: `No table ${query.table ?? ''} in this report (${report.tables.map((t) => t.name).join(', ')})`,
        });
      }
      res.writeHead(
        200,
        download('text/csv; charset=utf-8', `${name}${report.tables.length > 1 ? `-${table.name}` : ''}.csv`),
      );
      res.end(tableToCsv(table));
      return;
    }
    case 'xlsx': {
      const body = await reportToXlsx(report);
      res.writeHead(200, download(XLSX_TYPE, `${name}.xlsx`));
      res.end(body);
      return;
    }
    case 'html':
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:",
      });
      res.end(reportPage(report));
  }
}

/** The request's query, with the filters the policy allows: an agency's staff see their agency only. */
function scopedQuery(
  url: URL,
  principal: Principal,
  deps: ReportRouteDeps,
  defaultPeriod?: 'month',
): ReportQuery {
  const params: Record<string, string> = {};
  for (const [k, v] of url.searchParams) {
    if (Object.hasOwn(params, k)) {
      throw new ReportError(400, 'VALIDATION_FAILED', {
        id: `Parameter ganda: ${k}`,
        en: `Repeated parameter ${k}`,
      });
    }
    params[k] = v;
  }
  if (defaultPeriod !== undefined && params['period'] === undefined && params['from'] === undefined) {
    params['period'] = defaultPeriod;
  }
  const today = hallDay(deps.now(), deps.config.hall.timeZone);
  const query = parseReportQuery(params, deps.config, today);
  const verdict = authorizeReport(principal, query.filters, deps.config);
  if (!verdict.ok) {
    throw new ReportError(verdict.error.code === 'UNAUTHENTICATED' ? 401 : 403, verdict.error.code, {
      id: 'Anda tidak berwenang melihat angka ini.',
      en: verdict.error.message,
    });
  }
  if (verdict.agencyId !== undefined) query.filters.agencyId = verdict.agencyId;
  return query;
}

/** Who sends an HTTP request: the staff member of its `Authorization: Bearer` session token, else the public. */
export function principalOf(
  req: IncomingMessage,
  deps: Pick<ReportRouteDeps, 'sessions' | 'config' | 'now'>,
): Principal {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header);
  if (!m?.[1]) return { kind: 'public' };
  const username = deps.sessions.resolve(m[1], deps.now());
  const staff = username === undefined ? undefined : deps.config.staff.find((s) => s.username === username);
  if (!staff) return { kind: 'public' };
  const signedIn: SignedInStaff = { username: staff.username, name: staff.name, role: staff.role };
  if (staff.agencyId !== undefined) signedIn.agencyId = staff.agencyId;
  return { kind: 'staff', staff: signedIn };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function download(type: string, filename: string): Record<string, string> {
  return {
    'content-type': type,
    'cache-control': 'no-store',
    'content-disposition': `attachment; filename="${filename}"`,
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  // Staff data: not for other origins, not for caches.
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
