import type { ConnectionStatus } from '@antre/client';
import type {
  Command,
  DayView,
  DomainError,
  ErrorCode,
  LocalizedText,
  Principal,
  QueueConfig,
  ReadonlyTicket,
} from '@antre/shared';
import { commandVerdict, unstartedVisitor } from '@antre/shared';
import { actionReason } from '../text/action-reason-text.js';
import { T } from '../text/ui-text.js';

export const DESK_ACTIONS = [
  'callNext',
  'recall',
  'startServing',
  'finish',
  'noShow',
  'hold',
  'transfer',
  'callNumber',
  'putBack',
] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

/**
 * One function key per action, F1..F9 in order of use. Function keys type nothing, so they never clash
 * with the number or search fields, and the browser's own meaning (help, reload, find) is suppressed.
 */
export const SHORTCUT_KEYS: Record<DeskAction, string> = {
  callNext: 'F1',
  recall: 'F2',
  startServing: 'F3',
  finish: 'F4',
  noShow: 'F5',
  hold: 'F6',
  transfer: 'F7',
  callNumber: 'F8',
  putBack: 'F9',
};

/** What each action is called on its button and in messages. */
export const ACTION_LABELS: Record<DeskAction, LocalizedText> = {
  callNext: T.callNext,
  recall: T.recall,
  startServing: T.startServing,
  finish: T.finish,
  noShow: T.noShow,
  hold: T.hold,
  transfer: T.transfer,
  callNumber: T.callNumber,
  putBack: T.putBack,
};

const BY_KEY = new Map(DESK_ACTIONS.map((a) => [SHORTCUT_KEYS[a], a]));

/** The action a key press asks for; modified presses (Ctrl+F5, Alt+F4) are the system's, not ours. */
export function actionForKey(e: {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): DeskAction | undefined {
  if (e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return undefined;
  return BY_KEY.get(e.key);
}

/** Actions the hub may refuse but a counter cut off from it still records and sends later. */
export const QUEUEABLE_OFFLINE: ReadonlySet<DeskAction> = new Set(['finish', 'noShow']);

/** Actions about the visitor at the desk: nothing more is offered for one settled offline. */
const ABOUT_CURRENT: ReadonlySet<DeskAction> = new Set([
  'recall',
  'startServing',
  'finish',
  'noShow',
  'hold',
  'transfer',
]);

/** The actions that take an argument in their dialog: a target, a number, a no-show to put back. */
type ArgumentAction = 'transfer' | 'callNumber' | 'putBack';
const ARGUMENT_ACTIONS: ReadonlySet<DeskAction> = new Set<ArgumentAction>([
  'transfer',
  'callNumber',
  'putBack',
]);

/** Names no ticket and no counter: the argument of a probe, so that only the argument can be wrong. */
const PROBE_ARGUMENT = '(probe)';

/**
 * The refusals of an argument action's probe that concern its made-up argument alone. A probe refused with
 * one of these passed every other rule (counter open and free, the staff's own agency, …), so a real argument
 * may be accepted and the button opens its dialog, where each argument gets its own verdict.
 */
const ARGUMENT_REFUSALS: Record<ArgumentAction, ReadonlySet<ErrorCode>> = {
  transfer: new Set(['INVALID_TRANSFER', 'UNKNOWN_SERVICE', 'TARGET_CLOSED']),
  callNumber: new Set(['UNKNOWN_TICKET', 'TICKET_NOT_CALLABLE', 'TICKET_NOT_FOR_COUNTER']),
  putBack: new Set(['UNKNOWN_TICKET', 'TICKET_NOT_CALLABLE']),
};

/**
 * The put backs the dialog could send: one per no-show of the day. Unlike a number typed in or a target
 * searched for, these are few and known, so the button asks about each and is offered only when one of them
 * would be accepted.
 */
function putBackCandidates(day: DayView, counterId: string): Command[] {
  return day
    .allTickets()
    .filter((t) => t.status === 'no_show')
    .map((t) => ({ type: 'putBack', counterId, ticket: t.id }));
}

/**
 * The commands an action can send, as the screen sends them, the plain one first. Call next and no-show have
 * more than one: when the visitor was only called, call next asks what happened (a no-show, confirmed when the
 * hall's safeguards call it early), and an early no-show is confirmed. The argument actions are probed with an
 * argument that names nothing (see `ARGUMENT_REFUSALS`); a transfer probe goes to the back, which spares the
 * engine ranking the target queue and changes nothing about whether it is accepted.
 */
function actionProbes(action: DeskAction, counterId: string, current: ReadonlyTicket | undefined): Command[] {
  const ticketId = current === undefined ? {} : { ticketId: current.id };
  switch (action) {
    case 'callNext':
      return [
        { type: 'callNext', counterId },
        { type: 'callNext', counterId, previous: 'noShow', confirm: true },
      ];
    case 'recall':
      return [{ type: 'recall', counterId }];
    case 'startServing':
      return [{ type: 'startServing', counterId }];
    case 'finish':
      return [{ type: 'finish', counterId, ...ticketId }];
    case 'noShow':
      return [
        { type: 'noShow', counterId, ...ticketId },
        { type: 'noShow', counterId, ...ticketId, confirm: true },
      ];
    case 'hold':
      return [{ type: 'hold', counterId }];
    case 'transfer':
      return [{ type: 'transfer', counterId, toCounterId: PROBE_ARGUMENT, front: false }];
    case 'callNumber':
      return [{ type: 'callTicket', counterId, ticket: PROBE_ARGUMENT }];
    case 'putBack':
      return [{ type: 'putBack', counterId, ticket: PROBE_ARGUMENT }];
  }
}

export interface DeskSituation {
  /** The signed-in staff member, as the hub knows them. */
  principal: Principal;
  config: QueueConfig;
  /** The connection's mirror of the day. */
  day: DayView;
  /** The hub's time, as the counter estimates it. */
  now: number;
  counterId: string;
  connection: ConnectionStatus;
  /** A finish or no-show of the current ticket waits in the offline queue. */
  currentSettled: boolean;
}

export interface ActionAvailability {
  enabled: boolean;
  /** Why it is disabled, shown under the label. */
  reason?: LocalizedText;
  /**
   * The refusal of the plain command when the action is enabled only by asking first: call next for a visitor
   * who was only called (who came?), a no-show the safeguards call early (are you sure?).
   */
  asks?: DomainError;
}

/**
 * Which buttons work now, and why the others do not, by a dry run of the hub's own rules on the mirror: an
 * action is enabled when the policy and the engine accept one of its commands (`actionProbes`) from the
 * signed-in staff member, and a disabled one gives the refusal's reason. Whether the hub can be reached, and
 * what the offline queue holds, are the counter's own concerns: without the connection only finish and
 * no-show are offered (they are queued), and nothing more for a visit settled that way.
 */
export function deskAvailability(s: DeskSituation): Record<DeskAction, ActionAvailability> {
  const current = currentTicket(s.day, s.counterId);
  const ctx = { config: s.config, day: s.day, now: s.now };
  const judge = (action: DeskAction): ActionAvailability => {
    if (s.currentSettled && ABOUT_CURRENT.has(action)) return { enabled: false, reason: T.alreadyRecorded };
    if (s.connection !== 'online' && !QUEUEABLE_OFFLINE.has(action)) {
      return { enabled: false, reason: T.needsConnection };
    }
    const [plain, ...others] = actionProbes(action, s.counterId, current);
    if (!plain) return { enabled: false };
    const refusal = commandVerdict(s.principal, plain, ctx);
    if (!refusal) return { enabled: true };
    if (isArgumentAction(action) && ARGUMENT_REFUSALS[action].has(refusal.code)) {
      if (action !== 'putBack') return { enabled: true };
      const accepted = putBackCandidates(s.day, s.counterId).some(
        (command) => commandVerdict(s.principal, command, ctx) === undefined,
      );
      return accepted ? { enabled: true } : { enabled: false, reason: T.noNoShowToReturn };
    }
    if (others.some((command) => commandVerdict(s.principal, command, ctx) === undefined)) {
      return { enabled: true, asks: refusal };
    }
    return { enabled: false, reason: actionReason(refusal) };
  };
  return {
    callNext: judge('callNext'),
    recall: judge('recall'),
    startServing: judge('startServing'),
    finish: askFirstIfUnstarted(judge('finish'), current, s.currentSettled),
    noShow: judge('noShow'),
    hold: judge('hold'),
    transfer: judge('transfer'),
    callNumber: judge('callNumber'),
    putBack: judge('putBack'),
  };
}

/**
 * Finish for a visitor only called records a visit nobody started: the hub takes it (the staff say so by
 * finishing), but the screen asks first whether they were served, so F4 next to F3 is no accident.
 */
function askFirstIfUnstarted(
  finish: ActionAvailability,
  current: ReadonlyTicket | undefined,
  settled: boolean,
): ActionAvailability {
  const unstarted = current === undefined || settled ? undefined : unstartedVisitor(current);
  return finish.enabled && unstarted ? { enabled: true, asks: unstarted } : finish;
}

export function isArgumentAction(action: DeskAction): action is ArgumentAction {
  return ARGUMENT_ACTIONS.has(action);
}

/** The ticket at the counter's desk in this day, if any. */
export function currentTicket(day: DayView, counterId: string): ReadonlyTicket | undefined {
  const id = day.counters[counterId]?.currentTicketId;
  return id === undefined ? undefined : day.ticket(id);
}
