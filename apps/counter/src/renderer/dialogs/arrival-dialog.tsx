import { useState } from 'react';
import type { DomainError, LocalizedText, ReadonlyTicket } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { Feedback } from '../hooks/use-desk-actions.js';
import { formatMinutes } from '../model/time-format.js';
import { T, fill } from '../text/ui-text.js';
import { EarlyNoShowNote } from './early-no-show-note.js';
import { Modal } from './modal.js';
import '../shared/notes.css';
import './choice-rows.css';

type Arrival = 'start' | 'finish' | 'noShow';

/** What the staff pressed over a visitor only called: call next (did they come?) or finish (served?). */
export type ArrivalQuestion = 'callNext' | 'finish';

export interface ArrivalDialogProps {
  ticket: ReadonlyTicket;
  now: number;
  question: ArrivalQuestion;
  /** Why a no-show now would be early (the hall's safeguards), if it would. */
  earlyNoShow: DomainError | undefined;
  feedback: Feedback | undefined;
  onStart: () => void;
  /** Only asked after a finish: the visitor was served without a start. */
  onFinish?: () => void;
  onNoShow: (confirm: boolean) => void;
  onClose: () => void;
}

interface Choice {
  value: Arrival;
  label: LocalizedText;
  confirm: LocalizedText;
}

const CHOICES: Record<ArrivalQuestion, { title: LocalizedText; choices: Choice[] }> = {
  callNext: {
    title: T.arrivalTitle,
    choices: [
      { value: 'start', label: T.arrivalStart, confirm: T.arrivalConfirmStart },
      { value: 'noShow', label: T.arrivalNoShow, confirm: T.arrivalConfirmNoShow },
    ],
  },
  finish: {
    title: T.servedTitle,
    choices: [
      { value: 'start', label: T.servedStart, confirm: T.arrivalConfirmStart },
      { value: 'finish', label: T.servedFinish, confirm: T.servedConfirmFinish },
      { value: 'noShow', label: T.servedNoShow, confirm: T.servedConfirmNoShow },
    ],
  },
};

/**
 * Call next or finish while the visitor was only called: did they come, were they served? Start serving them,
 * record the visit as served (after a finish only: the staff say so), or record a no-show; never a visit
 * recorded as served by accident. Starting is the choice made for you.
 */
export function ArrivalDialog(props: ArrivalDialogProps) {
  const { t, lang } = useLanguage();
  const [choice, setChoice] = useState<Arrival>('start');
  const [sure, setSure] = useState(false);
  const n = props.ticket.displayNumber;
  const since = formatMinutes(props.now - (props.ticket.calledAt ?? props.now), lang);
  const needsSure = choice === 'noShow' && props.earlyNoShow !== undefined;
  const { title, choices } = CHOICES[props.question];
  const chosen = choices.find((c) => c.value === choice) ?? choices[0];
  const confirm = () => {
    if (choice === 'start') props.onStart();
    else if (choice === 'finish') props.onFinish?.();
    else props.onNoShow(sure);
  };
  return (
    <Modal
      title={t(fill(title, { n }))}
      subtitle={t(fill(T.arrivalLead, { n, t: since }))}
      onClose={props.onClose}
      onConfirm={confirm}
      confirmLabel={t(chosen?.confirm ?? T.arrivalConfirmStart)}
      confirmDisabled={needsSure && !sure}
      danger={choice === 'noShow'}
      feedback={props.feedback}
    >
      <div className="radio-list" role="radiogroup" aria-label={t(fill(title, { n }))}>
        {choices.map((c, i) => (
          <label key={c.value} className={`radio-row ${choice === c.value ? 'selected' : ''}`}>
            <input
              type="radio"
              name="arrival"
              checked={choice === c.value}
              autoFocus={i === 0}
              onChange={() => setChoice(c.value)}
            />
            <span>{t(fill(c.label, { n }))}</span>
          </label>
        ))}
      </div>
      {needsSure && props.earlyNoShow ? (
        <>
          <EarlyNoShowNote refusal={props.earlyNoShow} />
          <label className="check-row">
            <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} />
            <span>{t(T.earlyNoShowConfirm)}</span>
          </label>
        </>
      ) : null}
    </Modal>
  );
}
