import type { LocalizedText, ReadonlyTicket } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { Feedback } from '../hooks/use-desk-actions.js';
import type { HallIndex } from '../model/hall-index.js';
import { fill } from '../text/ui-text.js';
import { VISIT_TEXT } from '../text/visit-text.js';
import { Modal } from './modal.js';

export interface EndVisitDialogProps {
  ticket: ReadonlyTicket;
  index: HallIndex;
  feedback: Feedback | undefined;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * Ending a visit cancels the services still to go, which the citizen otherwise keeps after a no-show: staff
 * read which ones before they confirm.
 */
export function EndVisitDialog(props: EndVisitDialogProps) {
  const { t } = useLanguage();
  const plan = props.ticket.visit;
  const names = (plan?.legs ?? [])
    .filter((l, i) => i !== plan?.current && (l.status === 'pending' || l.status === 'missed'))
    .map(
      (l): LocalizedText =>
        props.index.services.get(l.serviceId)?.name ?? { id: l.serviceId, en: l.serviceId },
    );
  const legs: LocalizedText = {
    id: names.map((n) => n.id).join(', '),
    en: names.map((n) => n.en).join(', '),
  };
  const n = props.ticket.displayNumber;
  return (
    <Modal
      title={t(fill(VISIT_TEXT.endVisitTitle, { n }))}
      onClose={props.onClose}
      onConfirm={props.onConfirm}
      confirmLabel={t(VISIT_TEXT.endVisitConfirm)}
      danger
      feedback={props.feedback}
    >
      <p>{t(fill(VISIT_TEXT.endVisitLead, { n, legs }))}</p>
    </Modal>
  );
}
