import type { HubConnection } from '@antre/client';
import type { ErrorCode } from '@antre/shared';
import type { AgentLog } from './agent-log.js';
import type { KioskStore } from './kiosk-store.js';

/** Refusals that no retry changes: the ticket is set aside with the reason, for the record. */
const PERMANENT: ReadonlySet<ErrorCode> = new Set([
  'LEASE_INVALID',
  'DUPLICATE_NUMBER',
  'UNKNOWN_SERVICE',
  'UNKNOWN_TICKET',
  'VALIDATION_FAILED',
  'FORBIDDEN',
]);

/**
 * Sends every ticket issued offline to the hub, oldest first, each under a command id made from its
 * ticket id: a retry after a lost answer gets the first answer, and the hub also dedupes by ticket id,
 * so each reaches the queue exactly once. Stops at the first answer that says "later".
 */
export async function syncOfflineTickets(
  conn: HubConnection,
  store: KioskStore,
  log: AgentLog,
): Promise<boolean> {
  for (const t of store.unsynced()) {
    const reply = await conn.command(
      {
        type: 'syncOfflineTicket',
        ticketId: t.id,
        serviceId: t.serviceId,
        number: t.number,
        priority: t.priority,
        issuedAt: t.issuedAt,
        // The plan travels with the ticket: the hub gives it its legs when it joins the queue, once.
        ...(t.visit ? { visit: t.visit } : {}),
      },
      { commandId: `sync-${t.id}` },
    );
    if (reply.ok) {
      store.setSync(t.id, 'synced');
      log.info('offline ticket synced', { ticket: t.displayNumber, id: t.id });
    } else if (PERMANENT.has(reply.error.code)) {
      store.setSync(t.id, 'rejected', `${reply.error.code}: ${reply.error.message}`);
      log.warn('offline ticket refused by the hub', { ticket: t.displayNumber, error: reply.error });
    } else {
      return false;
    }
  }
  return true;
}

/** Tells the hub about tickets that did not print (a PrintFailed event: staff see it and can reprint). */
export async function reportPrintFailures(
  conn: HubConnection,
  store: KioskStore,
  log: AgentLog,
): Promise<boolean> {
  for (const t of store.failuresToReport()) {
    const reason = `${t.printReason ?? 'io-error'}: ${t.printError ?? ''}`.slice(0, 200);
    const reply = await conn.command(
      { type: 'reportPrintFailure', ticketId: t.id, reason },
      { commandId: t.failureReportId ?? `fail-${t.id}` },
    );
    if (reply.ok || PERMANENT.has(reply.error.code)) {
      store.failureReported(t.id);
      log.info('print failure reported', { ticket: t.displayNumber, ok: reply.ok });
    } else {
      return false;
    }
  }
  return true;
}
