import type { ConnectionStatus } from '@antre/client';
import type { CounterStatus, LocalizedText, ReadonlyTicket } from '@antre/shared';
import { T, fill } from '../text/ui-text.js';

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

export interface DeskSituation {
  connection: ConnectionStatus;
  counterStatus: CounterStatus;
  current: ReadonlyTicket | undefined;
  /** A finish or no-show of the current ticket waits in the offline queue. */
  currentSettled: boolean;
}

export interface ActionAvailability {
  enabled: boolean;
  /** Why it is disabled, shown under the label. */
  reason?: LocalizedText;
}

/** Which buttons work now, and why the others do not: the screen never offers what the hub would refuse. */
export function deskAvailability(s: DeskSituation): Record<DeskAction, ActionAvailability> {
  const online = s.connection === 'online';
  const open = s.counterStatus === 'open';
  const current = s.current && !s.currentSettled ? s.current : undefined;
  const called = current?.status === 'called';
  const yes: ActionAvailability = { enabled: true };
  const no = (reason: LocalizedText): ActionAvailability => ({ enabled: false, reason });
  const needsOnline = (then: ActionAvailability) => (online ? then : no(T.needsConnection));
  // A ticket finished or marked absent offline is done with here: say so rather than "no current ticket".
  const noCurrent = no(s.currentSettled ? T.alreadyRecorded : T.needsCurrent);

  return {
    callNext: needsOnline(open ? yes : no(T.needsOpenCounter)),
    recall: needsOnline(called ? yes : current ? no(T.needsCalled) : noCurrent),
    startServing: needsOnline(called ? yes : current ? no(T.needsCalled) : noCurrent),
    finish: current ? yes : noCurrent,
    noShow: current ? yes : noCurrent,
    hold: needsOnline(current ? yes : noCurrent),
    transfer: needsOnline(current ? yes : noCurrent),
    callNumber: needsOnline(
      !open
        ? no(T.needsOpenCounter)
        : s.current
          ? no(fill(T.finishFirst, { n: s.current.displayNumber }))
          : yes,
    ),
    putBack: needsOnline(yes),
  };
}
