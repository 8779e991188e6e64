import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode, LocalizedText } from '@antre/shared';
import { auditCsv, auditQuerySchema } from '@antre/shared';
import type { StaffSessions } from '../auth/staff-sessions.js';
import type { QueueService } from '../queue-service.js';
import { principalOf } from '../reports/report-routes.js';

/** As many entries as the admin console's download takes: the same rows. */
const CSV_LIMIT = 5000;

/**
 * `GET /api/audit.csv?kind=&by=&subject=&from=&to=`: the audit trail as the admin console downloads it (the
 * same query, the same `auditCsv`), for a supervisor's session (`Authorization: Bearer <session token>`); an
 * agency's supervisor gets their agency's entries only. Returns false for any other path.
 */
export function handleAuditRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: { service: QueueService; sessions: StaffSessions },
): boolean {
  if (url.pathname !== '/api/audit.csv') return false;
  const { service } = deps;
  const principal = principalOf(req, { sessions: deps.sessions, config: service.config, now: service.now });
  const number = (name: string) => {
    const text = url.searchParams.get(name);
    return text === null || text === '' ? undefined : Number(text);
  };
  const text = (name: string) => url.searchParams.get(name) || undefined;
  const parsed = auditQuerySchema.safeParse(
    Object.fromEntries(
      Object.entries({
        kind: text('kind'),
        by: text('by'),
        subject: text('subject'),
        from: number('from'),
        to: number('to'),
        limit: CSV_LIMIT,
      }).filter(([, v]) => v !== undefined),
    ),
  );
  if (!parsed.success) {
    fail(res, 400, 'VALIDATION_FAILED', {
      id: 'Filter jejak audit tidak valid (kind, by, subject, from, to).',
      en: 'The audit filter is not valid (kind, by, subject, from, to).',
    });
    return true;
  }
  const reply = service.audit(principal, parsed.data);
  if (!reply.ok) {
    const unauthenticated = reply.error.code === 'UNAUTHENTICATED';
    fail(
      res,
      unauthenticated ? 401 : 403,
      reply.error.code,
      unauthenticated
        ? {
            id: 'Masuk sebagai supervisor untuk mengunduh jejak audit.',
            en: 'Sign in as a supervisor to download the audit trail.',
          }
        : { id: 'Jejak audit hanya untuk supervisor.', en: 'The audit trail is for supervisors.' },
    );
    return true;
  }
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'cache-control': 'no-store',
    'content-disposition': 'attachment; filename="antre-audit.csv"',
  });
  res.end(auditCsv(reply.entries, service.config.hall.timeZone));
  return true;
}

function fail(res: ServerResponse, status: number, code: ErrorCode, text: LocalizedText): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ error: { code, message: text.en, text } }));
}
