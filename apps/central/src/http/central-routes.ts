import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import type { ShippedEvent } from '@antre/shared';
import {
  authorizeCentralRead,
  authorizeHallLog,
  shippedBatchSchema,
  shippingHelloSchema,
} from '@antre/shared';
import { principalOf, signIn } from '../auth/central-sessions.js';
import { hallIds, hallOfToken } from '../auth/hall-credentials.js';
import { currentLogs, eventsAfter, ingestBatch, openLog } from '../ingest/log-ingest.js';
import type { HallProjections } from '../projection/hall-projections.js';
import { hallOverview } from '../reports/hall-overview.js';
import { hallsToday, publicToday } from '../reports/hall-today.js';
import { dashboardPage } from '../dashboard/dashboard-page.js';
import { publicPage } from '../dashboard/public-page.js';
import { EXPORT_PATH, exportCsv } from './export-route.js';
import { BodyError, bearer, json, readJson } from './http-io.js';
import { staffScope } from './staff-scope.js';

export interface CentralRouteDeps {
  pool: pg.Pool;
  projections: HallProjections;
  nodeId: string;
  now: () => number;
  /** Events new to the centre, just committed: fanned out to the dashboards. */
  onStored: (hallId: string, logId: string, events: readonly ShippedEvent[]) => void;
  onError: (err: unknown, url: string | undefined) => void;
}

const LOG_PATH = /^\/api\/central\/v1\/halls\/([\w.-]{1,64})\/logs\/([\w-]{1,64})(\/events)?$/;
const HALL_LOG_PATH = /^\/api\/central\/v1\/halls\/([\w.-]{1,64})\/log$/;
const READ_LIMIT = 5000;

/** The central HTTP API (docs/central.md): log shipping for halls, sign-in and the overview for staff. */
export function createCentralHandler(deps: CentralRouteDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res, deps).catch((err: unknown) => {
      if (err instanceof BodyError) return json(res, 400, { error: 'BAD_REQUEST', message: err.message });
      deps.onError(err, req.url);
      if (!res.headersSent) json(res, 500, { error: 'INTERNAL' });
      else res.end();
    });
  };
}

async function route(req: IncomingMessage, res: ServerResponse, deps: CentralRouteDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://central');
  const path = url.pathname;
  const { pool } = deps;
  if (path === '/api/central/v1/health' && req.method === 'GET') {
    await pool.query('SELECT 1');
    return json(res, 200, { status: 'ok', node: deps.nodeId });
  }
  const log = LOG_PATH.exec(path);
  if (log) {
    const [, hallId = '', logId = '', events] = log;
    const refused = authorizeHallLog(await tokenHall(req, pool), hallId);
    if (refused) return json(res, refused.code === 'FORBIDDEN' ? 403 : 401, { error: refused.code });
    if (!events && req.method === 'PUT') {
      const hello = shippingHelloSchema.safeParse(await readJson(req));
      if (!hello.success)
        return json(res, 400, { error: 'BAD_REQUEST', message: hello.error.issues[0]?.message });
      return json(res, 200, { ackSeq: await openLog(pool, hallId, logId, hello.data, deps.now()) });
    }
    if (events && req.method === 'POST') {
      const batch = shippedBatchSchema.safeParse(await readJson(req));
      if (!batch.success)
        return json(res, 400, { error: 'BAD_REQUEST', message: batch.error.issues[0]?.message });
      const result = await ingestBatch(pool, hallId, logId, batch.data.afterSeq, batch.data.events);
      if (!result.ok) {
        return result.error === 'LOG_GAP'
          ? json(res, 409, { error: 'LOG_GAP', ackSeq: result.ackSeq })
          : json(res, 404, { error: 'UNKNOWN_LOG' });
      }
      if (result.stored.length > 0) deps.onStored(hallId, logId, result.stored);
      return json(res, 200, { ackSeq: result.ackSeq });
    }
    if (events && req.method === 'GET') {
      const afterSeq = Math.max(0, Number(url.searchParams.get('afterSeq') ?? 0) || 0);
      const limit = Math.min(
        READ_LIMIT,
        Math.max(1, Number(url.searchParams.get('limit') ?? READ_LIMIT) || 1),
      );
      return json(res, 200, { events: await eventsAfter(pool, hallId, logId, afterSeq, limit) });
    }
    return json(res, 405, { error: 'METHOD_NOT_ALLOWED' });
  }
  const hallLog = HALL_LOG_PATH.exec(path);
  if (hallLog && req.method === 'GET') {
    const hallId = hallLog[1] ?? '';
    const refused = authorizeHallLog(await tokenHall(req, pool), hallId);
    if (refused) return json(res, refused.code === 'FORBIDDEN' ? 403 : 401, { error: refused.code });
    const [current] = await currentLogs(pool, [hallId]);
    return current ? json(res, 200, current) : json(res, 404, { error: 'NO_LOG' });
  }
  if (path === '/api/central/v1/session' && req.method === 'POST') {
    const body = (await readJson(req)) as { username?: unknown; password?: unknown } | null;
    const { username, password } = body ?? {};
    if (typeof username !== 'string' || typeof password !== 'string')
      return json(res, 400, { error: 'BAD_REQUEST' });
    const token = await signIn(pool, username, password, deps.now());
    return token ? json(res, 200, { token }) : json(res, 401, { error: 'BAD_CREDENTIALS' });
  }
  if (path === '/api/central/v1/overview' && req.method === 'GET') return overview(req, res, url, deps);
  if (path === '/api/central/v1/today' && req.method === 'GET') return today(req, res, deps);
  const exported = EXPORT_PATH.exec(path);
  if (exported && req.method === 'GET') return exportCsv(req, res, url, exported[1] ?? '', deps);
  if (path === '/api/central/v1/public/today' && req.method === 'GET') {
    const logs = await deps.projections.catchUpAll();
    return json(res, 200, { halls: publicToday(await hallsToday(pool, logs, deps.now())) });
  }
  if ((path === '/dasbor/' || path === '/dasbor') && req.method === 'GET') return html(res, dashboardPage());
  if ((path === '/publik/' || path === '/publik') && req.method === 'GET') return html(res, publicPage());
  return json(res, 404, { error: 'NOT_FOUND' });
}

async function tokenHall(req: IncomingMessage, pool: pg.Pool): Promise<string | undefined> {
  const token = bearer(req);
  return token === undefined ? undefined : hallOfToken(pool, token);
}

function html(res: ServerResponse, page: string): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'",
  });
  res.end(page);
}

/** `GET /api/central/v1/today`: every hall the session may see, today in its own time zone. */
async function today(req: IncomingMessage, res: ServerResponse, deps: CentralRouteDeps): Promise<void> {
  const { pool } = deps;
  const token = bearer(req);
  const principal = token === undefined ? undefined : await principalOf(pool, token, deps.now());
  const allowed = authorizeCentralRead(principal, undefined, await hallIds(pool));
  if (!allowed.ok)
    return json(res, allowed.error.code === 'FORBIDDEN' ? 403 : 401, { error: allowed.error.code });
  const logs = await deps.projections.catchUpAll(allowed.hallIds);
  return json(res, 200, { halls: await hallsToday(pool, logs, deps.now()) });
}

/** `GET /api/central/v1/overview?period=month&date=2026-12&halls=a,b`: halls side by side. */
async function overview(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: CentralRouteDeps,
): Promise<void> {
  const scope = await staffScope(req, res, url, deps);
  if (scope === undefined) return;
  if (scope.period === undefined) return json(res, 200, { halls: [] });
  const halls = await hallOverview(deps.pool, scope.logs, scope.period, deps.now());
  return json(res, 200, { period: scope.period, halls });
}
