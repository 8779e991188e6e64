import type { LocalizedText } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { ActionAvailability, DeskAction } from '../model/desk-actions.js';
import { ACTION_LABELS, DESK_ACTIONS, QUEUEABLE_OFFLINE, SHORTCUT_KEYS } from '../model/desk-actions.js';
import { T, fill } from '../text/ui-text.js';
import './action-pad.css';

const HINT: Record<DeskAction, LocalizedText> = {
  callNext: T.hintNextVisitor,
  recall: T.hintAnnounceAgain,
  startServing: T.hintVisitorArrived,
  finish: T.hintEndsVisit,
  noShow: T.hintVisitorAbsent,
  hold: T.hintParkTicket,
  transfer: T.hintServiceOrCounter,
  callNumber: T.hintByNumber,
  putBack: T.hintNoShowBack,
};

const TONE: Partial<Record<DeskAction, string>> = { callNext: 'primary', finish: 'ok', noShow: 'warn' };

export interface ActionPadProps {
  availability: Record<DeskAction, ActionAvailability>;
  busy: (action: DeskAction) => boolean;
  online: boolean;
  /** The current ticket's number: call next finishes it first (or asks whether they came), and says so. */
  currentNumber: string | undefined;
  onAction: (action: DeskAction) => void;
}

/** Nine actions, each with its function key on the button; a disabled one says why under its label. */
export function ActionPad(props: ActionPadProps) {
  const { t } = useLanguage();
  return (
    <div className="action-pad">
      {DESK_ACTIONS.map((action) => {
        const a = props.availability[action];
        let hint = a.enabled ? HINT[action] : (a.reason ?? HINT[action]);
        if (action === 'callNext' && a.enabled) {
          hint = !props.currentNumber
            ? T.hintNextVisitor
            : a.asks
              ? fill(T.hintAsksArrival, { n: props.currentNumber })
              : fill(T.hintFinishesCurrent, { n: props.currentNumber });
        }
        if (action === 'noShow' && a.enabled && a.asks) hint = T.hintAsksConfirm;
        if (action === 'finish' && a.enabled && a.asks && props.currentNumber)
          hint = fill(T.hintAsksServed, { n: props.currentNumber });
        if (a.enabled && !props.online && QUEUEABLE_OFFLINE.has(action)) hint = T.hintQueuedOffline;
        const busy = props.busy(action);
        return (
          <button
            key={action}
            type="button"
            className={`action ${TONE[action] ?? ''} ${busy ? 'busy' : ''}`}
            data-action={action}
            disabled={!a.enabled}
            aria-keyshortcuts={SHORTCUT_KEYS[action]}
            aria-busy={busy}
            onClick={() => props.onAction(action)}
          >
            <kbd>{SHORTCUT_KEYS[action]}</kbd>
            <span className="action-text">
              <strong>{t(ACTION_LABELS[action])}</strong>
              <small>{t(hint)}</small>
            </span>
          </button>
        );
      })}
    </div>
  );
}
