import type { Command } from './commands.js';
import type { DomainError } from './error-codes.js';
import { domainError } from './error-codes.js';
import type { HallConfig } from './hall-config.js';
import type { Actor } from './queue-engine.js';
import { findTicket } from './queue-engine.js';
import type { QueueState } from './domain-types.js';

const KIOSK_COMMANDS: ReadonlySet<Command['type']> = new Set([
  'issueTicket',
  'syncOfflineTicket',
  'leaseNumbers',
  'reportPrintFailure',
]);

/**
 * Who may send what: kiosks issue tickets; staff act only at their own agency's counters;
 * a supervisor acts everywhere and closes the day. Undefined means allowed.
 */
export function authorize(
  actor: Actor | undefined,
  command: Command,
  config: HallConfig,
  state: QueueState,
): DomainError | undefined {
  if (!actor) return domainError('UNAUTHENTICATED', 'sign in or enrol this device first');
  if (actor.kind === 'system') return undefined;
  if (actor.kind === 'kiosk') {
    return KIOSK_COMMANDS.has(command.type)
      ? undefined
      : domainError('FORBIDDEN', `a kiosk may not send ${command.type}`);
  }
  if (actor.role === 'supervisor') {
    return command.type === 'syncOfflineTicket' ||
      command.type === 'leaseNumbers' ||
      command.type === 'reportPrintFailure'
      ? domainError('FORBIDDEN', `${command.type} is for kiosks`)
      : undefined;
  }
  switch (command.type) {
    case 'issueTicket':
      return undefined;
    case 'syncOfflineTicket':
    case 'leaseNumbers':
    case 'reportPrintFailure':
      return domainError('FORBIDDEN', `${command.type} is for kiosks`);
    case 'closeDay':
      return domainError('FORBIDDEN', 'only a supervisor closes the day');
    case 'cancelTicket': {
      const t = findTicket(state, config, command.ticket);
      const agency = t ? config.services.find((s) => s.id === t.serviceId)?.agencyId : undefined;
      // An unknown ticket is the engine's to report; a known one must be the staff member's agency's.
      return t && agency !== actor.agencyId
        ? domainError('FORBIDDEN', 'that ticket belongs to another agency')
        : undefined;
    }
    default: {
      const counter = config.counters.find((c) => c.id === command.counterId);
      if (!counter) return undefined;
      return counter.agencyId === actor.agencyId
        ? undefined
        : domainError('FORBIDDEN', `counter ${counter.name} belongs to another agency`);
    }
  }
}
