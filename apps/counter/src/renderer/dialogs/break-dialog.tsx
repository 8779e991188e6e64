import { useState } from 'react';
import { useLanguage } from '@antre/ui';
import type { Feedback } from '../hooks/use-desk-actions.js';
import { BREAK_REASONS, T } from '../text/ui-text.js';
import { Modal } from './modal.js';
import '../shared/text-field.css';
import './choice-rows.css';

const OTHER = BREAK_REASONS.length;

/** A break says why, so the hall's supervisor and the display can tell a prayer break from a fault. */
export function BreakDialog(props: {
  feedback: Feedback | undefined;
  onPause: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const [choice, setChoice] = useState(0);
  const [other, setOther] = useState('');
  // The hub keeps one string; the Indonesian words are the hall's record, the app shows them in either language.
  const reason = choice === OTHER ? other.trim() : (BREAK_REASONS[choice]?.id ?? '');

  return (
    <Modal
      title={t(T.breakTitle)}
      subtitle={t(T.breakLead)}
      onClose={props.onClose}
      onConfirm={() => props.onPause(reason)}
      confirmLabel={t(T.statusPaused)}
      confirmDisabled={reason === ''}
      feedback={props.feedback}
    >
      <div className="radio-list" role="radiogroup" aria-label={t(T.breakLead)}>
        {BREAK_REASONS.map((r, i) => (
          <label key={r.id} className={`radio-row ${choice === i ? 'selected' : ''}`}>
            <input
              type="radio"
              name="reason"
              checked={choice === i}
              autoFocus={i === 0}
              onChange={() => setChoice(i)}
            />
            <span>{t(r)}</span>
          </label>
        ))}
        <label className={`radio-row ${choice === OTHER ? 'selected' : ''}`}>
          <input type="radio" name="reason" checked={choice === OTHER} onChange={() => setChoice(OTHER)} />
          <span>{t(T.breakOther)}</span>
          <input
            className="inline-input"
            value={other}
            maxLength={100}
            aria-label={t(T.breakOther)}
            onFocus={() => setChoice(OTHER)}
            onChange={(e) => setOther(e.target.value)}
          />
        </label>
      </div>
    </Modal>
  );
}
