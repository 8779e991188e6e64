import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CentralExportKind } from '../reports/central-export.js';
import { CENTRAL_EXPORTS, streamCentralCsv } from '../reports/central-export.js';
import type { CentralRouteDeps } from './central-routes.js';
import { json } from './http-io.js';
import { staffScope } from './staff-scope.js';

export const EXPORT_PATH = /^\/api\/central\/v1\/export\/([a-z]+)\.csv$/;

/**
 * `GET /api/central/v1/export/{halls|visits|transactions}.csv?period=year&date=2026&halls=a,b`: a cross-hall
 * export for a staff session, of the halls its scope allows, streamed from PostgreSQL as it is read.
 */
export async function exportCsv(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  kindName: string,
  deps: CentralRouteDeps,
): Promise<void> {
  if (!(CENTRAL_EXPORTS as readonly string[]).includes(kindName))
    return json(res, 404, { error: 'NOT_FOUND' });
  const kind = kindName as CentralExportKind;
  const scope = await staffScope(req, res, url, deps);
  if (scope === undefined) return;
  const { logs, period } = scope;
  const name = period ? `antre-${kind}-${period.from}-${period.to}.csv` : `antre-${kind}.csv`;
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
  if (period === undefined) {
    res.end('\uFEFF');
    return;
  }
  await streamCentralCsv(deps.pool, kind, logs, period, deps.now(), res);
  res.end();
}
