import { useState } from 'react';
import type { DomainError, ReadonlyTicket } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { Feedback } from '../hooks/use-desk-actions.js';
import { T, fill } from '../text/ui-text.js';
import { EarlyNoShowNote } from './early-no-show-note.js';
import { Modal } from './modal.js';
import './choice-rows.css';

export interface NoShowDialogProps {
  ticket: ReadonlyTicket;
  /** The hub's refusal of the plain no-show: the safeguards call it early. */
  early: DomainError;
  feedback: Feedback | undefined;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * A no-show the hall's safeguards call early is recorded only when staff say they made sure the visitor is
 * not there: F5 and Enter in a hurry record nothing.
 */
export function NoShowDialog(props: NoShowDialogProps) {
  const { t } = useLanguage();
  const [sure, setSure] = useState(false);
  return (
    <Modal
      title={t(fill(T.noShowTitle, { n: props.ticket.displayNumber }))}
      onClose={props.onClose}
      onConfirm={props.onConfirm}
      confirmLabel={t(T.noShowAnyway)}
      confirmDisabled={!sure}
      danger
      feedback={props.feedback}
    >
      <EarlyNoShowNote refusal={props.early} />
      <label className="check-row">
        <input type="checkbox" checked={sure} autoFocus onChange={(e) => setSure(e.target.checked)} />
        <span>{t(T.earlyNoShowConfirm)}</span>
      </label>
    </Modal>
  );
}
