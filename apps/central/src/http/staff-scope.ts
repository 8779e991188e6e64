import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HallConfig } from '@antre/shared';
import { authorizeCentralRead, hallDay } from '@antre/shared';
import type { Period } from '@antre/reporting';
import { ReportError, parseReportQuery } from '@antre/reporting';
import { principalOf } from '../auth/central-sessions.js';
import { hallIds } from '../auth/hall-credentials.js';
import type { HallLog } from '../ingest/log-ingest.js';
import type { CentralRouteDeps } from './central-routes.js';
import { bearer, json } from './http-io.js';

/**
 * What a staff request over several halls may read: the halls its session's scope allows (a hall supervisor
 * only their own; `halls=a,b` narrows, and naming a hall outside the scope is refused), caught up, and the
 * period it asks (`period`, `date`, `from`, `to`: the admin reports' query). Answers the refusal itself and
 * returns undefined; `period` is undefined when there is no hall to read.
 */
export async function staffScope(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: CentralRouteDeps,
): Promise<{ logs: HallLog[]; period: Period | undefined } | undefined> {
  const { pool } = deps;
  const token = bearer(req);
  const principal = token === undefined ? undefined : await principalOf(pool, token, deps.now());
  const requested = url.searchParams.get('halls')?.split(',').filter(Boolean);
  const allowed = authorizeCentralRead(principal, requested, await hallIds(pool));
  if (!allowed.ok) {
    json(res, allowed.error.code === 'FORBIDDEN' ? 403 : 401, { error: allowed.error.code });
    return undefined;
  }
  const logs = await deps.projections.catchUpAll(allowed.hallIds);
  const first = logs[0];
  if (first === undefined) return { logs, period: undefined };
  const config = JSON.parse(first.config) as HallConfig;
  const input: Record<string, string> = {};
  for (const key of ['period', 'date', 'from', 'to']) {
    const v = url.searchParams.get(key);
    if (v !== null) input[key] = v;
  }
  try {
    return {
      logs,
      period: parseReportQuery(input, config, hallDay(deps.now(), config.hall.timeZone)).period,
    };
  } catch (err) {
    if (!(err instanceof ReportError)) throw err;
    json(res, err.status, { error: err.code, message: err.message });
    return undefined;
  }
}
