import type { DomainError, LocalizedText, PriorityGroup } from '@antre/shared';
import type { IssuedTicket, PrintOutcome } from '../../core/kiosk-backend.js';

/** Where "back" goes from a service: its agency, or the search results it was found in. */
export type ServiceOrigin =
  | { from: 'agency'; agencyId: string }
  | { from: 'search' }
  | { from: 'visit' }
  /** A late appointment offered a regular ticket instead. */
  | { from: 'checkIn' };

/** Why a check-in was refused, to show on the check-in screen; and the service offered instead when late. */
export interface CheckInProblem {
  text: LocalizedText;
  walkInServiceId?: string;
}

export type PrintStatus =
  'printing' | 'printed' | 'no-printer' | { fault: Exclude<PrintOutcome, { ok: true }> };

export type KioskScreen =
  | { name: 'home' }
  | { name: 'agency'; agencyId: string }
  /** Several services on one ticket: a package of the hall, or a basket (visit-screen.tsx). */
  | { name: 'visit' }
  | { name: 'service'; serviceId: string; origin: ServiceOrigin }
  | { name: 'priority'; serviceId: string; origin: ServiceOrigin }
  | { name: 'issuing'; serviceId: string; priority: PriorityGroup; origin: ServiceOrigin }
  | { name: 'ticket'; ticket: IssuedTicket; print: PrintStatus }
  | { name: 'refused'; serviceId: string; error: DomainError; origin: ServiceOrigin }
  /** "I have an appointment": the code or NIK typed or scanned; `busy` while the hub checks it. */
  | { name: 'checkIn'; busy: boolean; problem?: CheckInProblem };

export interface KioskFlow {
  screen: KioskScreen;
  /** The search typed on the home screen; kept while looking at a found service. */
  query: string;
}

export type FlowAction =
  | { type: 'openAgency'; agencyId: string }
  | { type: 'openService'; serviceId: string }
  | { type: 'openVisit' }
  /** A visit's ticket is being taken; `serviceId` is its first choice, named on a refusal. */
  | { type: 'issueVisit'; serviceId: string }
  | { type: 'askPriority' }
  | { type: 'issue'; priority: PriorityGroup }
  | { type: 'issued'; ticket: IssuedTicket }
  | { type: 'refused'; error: DomainError }
  | { type: 'printed'; ticketId: string; outcome: PrintOutcome }
  | { type: 'reprint'; ticketId: string }
  | { type: 'search'; query: string }
  | { type: 'back' }
  | { type: 'reset' }
  | { type: 'openCheckIn' }
  | { type: 'checkIn' }
  | { type: 'checkInRefused'; problem: CheckInProblem }
  /** Late for the appointment: a regular ticket for its service instead. */
  | { type: 'walkIn'; serviceId: string };

export const START: KioskFlow = { screen: { name: 'home' }, query: '' };

/** The citizen's way through the kiosk: agency → service → (priority) → ticket. Pure, so it is tested alone. */
export function kioskFlow(flow: KioskFlow, action: FlowAction): KioskFlow {
  const { screen } = flow;
  switch (action.type) {
    case 'reset':
      return START;
    case 'search':
      return screen.name === 'home' ? { ...flow, query: action.query } : flow;
    case 'openAgency':
      return screen.name === 'home'
        ? { ...flow, screen: { name: 'agency', agencyId: action.agencyId } }
        : flow;
    case 'openService': {
      if (screen.name === 'agency') {
        const origin: ServiceOrigin = { from: 'agency', agencyId: screen.agencyId };
        return { ...flow, screen: { name: 'service', serviceId: action.serviceId, origin } };
      }
      if (screen.name === 'home' && flow.query.trim() !== '') {
        return {
          ...flow,
          screen: { name: 'service', serviceId: action.serviceId, origin: { from: 'search' } },
        };
      }
      return flow;
    }
    case 'openVisit':
      return screen.name === 'home' ? { ...flow, screen: { name: 'visit' } } : flow;
    case 'issueVisit':
      return screen.name === 'visit'
        ? {
            ...flow,
            screen: {
              name: 'issuing',
              serviceId: action.serviceId,
              priority: 'none',
              origin: { from: 'visit' },
            },
          }
        : flow;
    case 'askPriority':
      return screen.name === 'service' ? { ...flow, screen: { ...screen, name: 'priority' } } : flow;
    case 'issue':
      if (screen.name !== 'service' && screen.name !== 'priority') return flow;
      return {
        ...flow,
        screen: {
          name: 'issuing',
          serviceId: screen.serviceId,
          priority: action.priority,
          origin: screen.origin,
        },
      };
    case 'issued':
      return screen.name === 'issuing' || (screen.name === 'checkIn' && screen.busy)
        ? { ...flow, screen: { name: 'ticket', ticket: action.ticket, print: 'printing' } }
        : flow;
    case 'refused':
      if (screen.name !== 'issuing') return flow;
      return {
        ...flow,
        screen: { name: 'refused', serviceId: screen.serviceId, error: action.error, origin: screen.origin },
      };
    case 'printed': {
      if (screen.name !== 'ticket' || screen.ticket.id !== action.ticketId) return flow;
      const { outcome } = action;
      const print: PrintStatus = outcome.ok
        ? 'printed'
        : outcome.reason === 'not-configured'
          ? 'no-printer'
          : { fault: outcome };
      return { ...flow, screen: { ...screen, print } };
    }
    case 'reprint':
      return screen.name === 'ticket' && screen.ticket.id === action.ticketId
        ? { ...flow, screen: { ...screen, print: 'printing' } }
        : flow;
    case 'back':
      return back(flow);
    case 'openCheckIn':
      return screen.name === 'home' ? { ...flow, screen: { name: 'checkIn', busy: false } } : flow;
    case 'checkIn':
      return screen.name === 'checkIn' && !screen.busy
        ? { ...flow, screen: { name: 'checkIn', busy: true } }
        : flow;
    case 'checkInRefused':
      return screen.name === 'checkIn' && screen.busy
        ? { ...flow, screen: { name: 'checkIn', busy: false, problem: action.problem } }
        : flow;
    case 'walkIn':
      return screen.name === 'checkIn' && screen.problem?.walkInServiceId === action.serviceId
        ? {
            ...flow,
            screen: { name: 'service', serviceId: action.serviceId, origin: { from: 'checkIn' } },
          }
        : flow;
  }
}

function back(flow: KioskFlow): KioskFlow {
  const { screen } = flow;
  switch (screen.name) {
    case 'agency':
    case 'visit':
    case 'checkIn':
      return START;
    case 'refused':
      if (screen.origin.from === 'visit') return { ...flow, screen: { name: 'visit' } };
      return back({
        ...flow,
        screen: { name: 'service', serviceId: screen.serviceId, origin: screen.origin },
      });
    case 'service':
      if (screen.origin.from === 'checkIn') return { ...flow, screen: { name: 'checkIn', busy: false } };
      return screen.origin.from === 'agency'
        ? { ...flow, screen: { name: 'agency', agencyId: screen.origin.agencyId } }
        : { ...flow, screen: { name: 'home' } };
    case 'priority':
      return { ...flow, screen: { name: 'service', serviceId: screen.serviceId, origin: screen.origin } };
    case 'ticket':
      return START;
    default:
      return flow;
  }
}

/** Whether the kiosk is anywhere but an untouched start screen: then idleness brings it back. */
export function isAwayFromStart(flow: KioskFlow): boolean {
  return flow.screen.name !== 'home' || flow.query !== '';
}

/** A ticket nobody printed stays on screen at least this long: the citizen notes it, or scans its QR code. */
export const UNPRINTED_TICKET_SECONDS = 45;

/** The last seconds of any countdown back to the start, in which the kiosk asks "Masih di sini?". */
export const IDLE_WARNING_SECONDS = 10;

/**
 * How long the screen stays before it goes back to the start, untouched: the ticket's time once printed (at
 * least 45 s when it did not print), nothing while it prints, the idle time elsewhere. Undefined: no
 * countdown (the untouched start screen, the number being issued).
 */
export function screenSeconds(
  flow: KioskFlow,
  behaviour: { idleSeconds: number; ticketSeconds: number },
  awayFromStart: boolean,
): number | undefined {
  const { screen } = flow;
  if (screen.name === 'issuing' || (screen.name === 'checkIn' && screen.busy)) return undefined;
  if (screen.name === 'ticket') {
    if (screen.print === 'printing') return undefined;
    if (screen.print === 'printed') return behaviour.ticketSeconds;
    return Math.max(UNPRINTED_TICKET_SECONDS, behaviour.ticketSeconds);
  }
  return awayFromStart ? behaviour.idleSeconds : undefined;
}
