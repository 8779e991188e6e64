import { useState } from 'react';
import type { DomainError, ReadonlyTicket } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { Feedback } from '../hooks/use-desk-actions.js';
import { formatMinutes } from '../model/time-format.js';
import { T, fill } from '../text/ui-text.js';
import { EarlyNoShowNote } from './early-no-show-note.js';
import { Modal } from './modal.js';
import '../shared/notes.css';
import './choice-rows.css';

type Arrival = 'start' | 'noShow';

export interface ArrivalDialogProps {
  ticket: ReadonlyTicket;
  now: number;
  /** Why a no-show now would be early (the hall's safeguards), if it would. */
  earlyNoShow: DomainError | undefined;
  feedback: Feedback | undefined;
  onStart: () => void;
  onNoShow: (confirm: boolean) => void;
  onClose: () => void;
}

/**
 * Call next while the visitor was only called: did they come? Start serving them, or record a no-show and
 * call the next; never a visit recorded as served by accident. Starting is the choice made for you.
 */
export function ArrivalDialog(props: ArrivalDialogProps) {
  const { t, lang } = useLanguage();
  const [choice, setChoice] = useState<Arrival>('start');
  const [sure, setSure] = useState(false);
  const n = props.ticket.displayNumber;
  const since = formatMinutes(props.now - (props.ticket.calledAt ?? props.now), lang);
  const needsSure = choice === 'noShow' && props.earlyNoShow !== undefined;
  return (
    <Modal
      title={t(fill(T.arrivalTitle, { n }))}
      subtitle={t(fill(T.arrivalLead, { n, t: since }))}
      onClose={props.onClose}
      onConfirm={() => (choice === 'start' ? props.onStart() : props.onNoShow(sure))}
      confirmLabel={t(choice === 'start' ? T.arrivalConfirmStart : T.arrivalConfirmNoShow)}
      confirmDisabled={needsSure && !sure}
      danger={choice === 'noShow'}
      feedback={props.feedback}
    >
      <div className="radio-list" role="radiogroup" aria-label={t(fill(T.arrivalTitle, { n }))}>
        <label className={`radio-row ${choice === 'start' ? 'selected' : ''}`}>
          <input
            type="radio"
            name="arrival"
            checked={choice === 'start'}
            autoFocus
            onChange={() => setChoice('start')}
          />
          <span>{t(fill(T.arrivalStart, { n }))}</span>
        </label>
        <label className={`radio-row ${choice === 'noShow' ? 'selected' : ''}`}>
          <input
            type="radio"
            name="arrival"
            checked={choice === 'noShow'}
            onChange={() => setChoice('noShow')}
          />
          <span>{t(fill(T.arrivalNoShow, { n }))}</span>
        </label>
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
