import { useLanguage } from '@antre/ui';
import type { Feedback } from '../hooks/use-desk-actions.js';
import { T } from '../text/ui-text.js';
import './feedback-line.css';

/** The answer to the last action, read out by screen readers; a refusal starts with the word "Ditolak". */
export function FeedbackLine({ feedback }: { feedback: Feedback | undefined }) {
  const { t } = useLanguage();
  return (
    <div
      className={`feedback ${feedback?.tone ?? 'none'}`}
      role="status"
      aria-live="polite"
      data-testid="feedback"
    >
      {feedback ? (
        <span key={feedback.seq} className="feedback-text">
          {feedback.tone === 'error' ? <strong>{t(T.refused)}: </strong> : null}
          {t(feedback.text)}
        </span>
      ) : (
        <span className="feedback-text muted">{t(T.shortcutsHint)}</span>
      )}
    </div>
  );
}
