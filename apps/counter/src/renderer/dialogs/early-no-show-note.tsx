import type { DomainError } from '@antre/shared';
import { ERROR_TEXT } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { earlyNoShowText } from '../text/refusal-text.js';
import { T } from '../text/ui-text.js';
import '../shared/notes.css';

/** Why a no-show now is early by the hall's safeguards, and what to do first. */
export function EarlyNoShowNote({ refusal }: { refusal: DomainError }) {
  const { t } = useLanguage();
  return (
    <div className="warn-box" role="note" data-testid="early-no-show">
      <p>{t(earlyNoShowText(refusal) ?? ERROR_TEXT.NO_SHOW_TOO_EARLY)}</p>
      <p>{t(T.noShowRecallHint)}</p>
    </div>
  );
}
