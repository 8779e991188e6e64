import { useState } from 'react';
import type { DayView, Principal, ReadonlyTicket } from '@antre/shared';
import { commandVerdict, findTicket, parseTicketNumber } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { Feedback } from '../hooks/use-desk-actions.js';
import type { HallIndex } from '../model/hall-index.js';
import { explainRefusal } from '../text/refusal-text.js';
import { T, TICKET_STATUS_TEXT, fill } from '../text/ui-text.js';
import { Modal } from './modal.js';
import '../shared/text-field.css';
import './ticket-chip.css';
import './call-number-dialog.css';

export interface CallNumberDialogProps {
  state: DayView;
  index: HallIndex;
  principal: Principal;
  counterId: string;
  /** The hub's time, for the dry run of the call. */
  now: number;
  held: ReadonlyTicket[];
  feedback: Feedback | undefined;
  onCall: (ref: string) => void;
  onClose: () => void;
}

/**
 * Calls one ticket by the number the visitor shows ("A-007", "a7"), or one this counter holds. What the hub
 * would answer is asked of the mirror as the number is typed: a number it would refuse says why under the
 * field, once, and cannot be sent.
 */
export function CallNumberDialog(props: CallNumberDialogProps) {
  const { t } = useLanguage();
  const [value, setValue] = useState('');
  const parsed = parseTicketNumber(value);
  const { state, index, counterId } = props;
  const found = parsed ? findTicket(state, index.config, value) : undefined;
  const service = found ? index.services.get(found.serviceId) : undefined;
  const refusal = parsed
    ? commandVerdict(
        props.principal,
        { type: 'callTicket', counterId, ticket: found?.id ?? value.trim() },
        { config: index.config, day: state, now: props.now },
      )
    : undefined;

  let preview: string | undefined;
  if (value.trim() !== '' && !parsed) preview = t(T.callNumberInvalid);
  else if (refusal) {
    preview = t(explainRefusal(refusal, { state, index, counterId, ticketRef: value.trim() }));
  } else if (found) {
    preview = t(
      fill(T.callNumberPreview, {
        n: found.displayNumber,
        service: service?.name ?? { id: '', en: '' },
        status: TICKET_STATUS_TEXT[found.status],
      }),
    );
  }

  return (
    <Modal
      title={t(T.callNumberTitle)}
      onClose={props.onClose}
      onConfirm={() => props.onCall(found?.id ?? value.trim())}
      confirmLabel={t(T.callNumber)}
      confirmDisabled={!parsed || refusal !== undefined}
      feedback={refusal ? undefined : props.feedback}
    >
      <label className="field">
        <span>{t(T.callNumberLabel)}</span>
        <input
          className="number-input"
          autoFocus
          spellCheck={false}
          autoComplete="off"
          maxLength={12}
          placeholder="A-007"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <p
        className={`field-hint ${refusal || (value.trim() !== '' && !parsed) ? 'warn' : ''}`}
        aria-live="polite"
        data-testid="call-number-hint"
      >
        {preview ?? t(T.hintByNumber)}
      </p>
      {props.held.length > 0 ? (
        <div className="held-quick">
          <h3>{t(T.heldTitle)}</h3>
          <div className="chip-row">
            {props.held.map((h) => (
              <button key={h.id} type="button" className="ticket-chip" onClick={() => props.onCall(h.id)}>
                {h.displayNumber}
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </Modal>
  );
}
