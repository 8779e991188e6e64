import { useState } from 'react';
import type { ReadonlyTicket } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { T, TICKET_STATUS_TEXT, fill } from '../text/ui-text.js';
import { Modal } from './modal.js';
import '../shared/notes.css';
import './choice-rows.css';

export type SignOutChoice = { current: 'finish' | 'return' | 'none'; closeCounter: boolean };

export interface SignOutDialogProps {
  counterName: string;
  current: ReadonlyTicket | undefined;
  online: boolean;
  counterOpen: boolean;
  onSignOut: (choice: SignOutChoice) => void;
  onClose: () => void;
}

/**
 * Leaving the counter never leaves a visitor stuck as "called": the ticket at the counter is finished
 * or returned to the front of its queue first, and the counter is closed unless the staff say otherwise.
 */
export function SignOutDialog(props: SignOutDialogProps) {
  const { t } = useLanguage();
  const { current } = props;
  const [choice, setChoice] = useState<SignOutChoice['current']>(current ? 'finish' : 'none');
  const [closeCounter, setCloseCounter] = useState(props.counterOpen);
  const n = current?.displayNumber ?? '';
  return (
    <Modal
      title={t(fill(T.signOutTitle, { c: props.counterName }))}
      onClose={props.onClose}
      onConfirm={() => props.onSignOut({ current: choice, closeCounter: closeCounter && props.online })}
      confirmLabel={t(T.signOutConfirm)}
      danger
    >
      {current ? (
        <>
          <p className="warn-box">
            {t(fill(T.signOutCurrent, { n, status: TICKET_STATUS_TEXT[current.status] }))}
          </p>
          <div className="radio-list" role="radiogroup">
            <label className={`radio-row ${choice === 'finish' ? 'selected' : ''}`}>
              <input
                type="radio"
                name="current"
                checked={choice === 'finish'}
                autoFocus
                onChange={() => setChoice('finish')}
              />
              <span>{t(fill(T.signOutFinish, { n }))}</span>
            </label>
            <label
              className={`radio-row ${choice === 'return' ? 'selected' : ''} ${props.online ? '' : 'disabled'}`}
            >
              <input
                type="radio"
                name="current"
                checked={choice === 'return'}
                disabled={!props.online}
                onChange={() => setChoice('return')}
              />
              <span>{t(fill(T.signOutReturn, { n }))}</span>
            </label>
          </div>
        </>
      ) : null}
      {props.counterOpen ? (
        <label className="check-row">
          <input
            type="checkbox"
            checked={closeCounter && props.online}
            disabled={!props.online}
            autoFocus={!current}
            onChange={(e) => setCloseCounter(e.target.checked)}
          />
          <span>{t(T.signOutCloseCounter)}</span>
        </label>
      ) : null}
    </Modal>
  );
}
