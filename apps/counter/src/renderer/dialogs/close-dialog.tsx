import { useLanguage } from '@antre/ui';
import { T, fill } from '../text/ui-text.js';
import { Modal } from './modal.js';
import '../shared/notes.css';

/** Closing while visitors still wait for this counter's services: say how many, and whether anyone else serves them. */
export function CloseDialog(props: {
  waiting: number;
  otherOpen: number;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const others = props.otherOpen > 0 ? fill(T.closeOthersOpen, { k: props.otherOpen }) : T.closeNoOthers;
  return (
    <Modal
      title={t(T.closeTitle)}
      onClose={props.onClose}
      onConfirm={props.onConfirm}
      confirmLabel={t(T.closeAnyway)}
      danger
    >
      <p className={`warn-box ${props.otherOpen === 0 ? 'strong' : ''}`}>
        {t(fill(T.closeWaiting, { n: props.waiting, others }))}
      </p>
    </Modal>
  );
}
