import { useLanguage } from '@antre/ui';
import { TEXT, idleWarningText } from '../text/kiosk-text.js';
import '../shared/buttons.css';
import './idle-warning.css';

/**
 * "Masih di sini?": the last seconds before the screen goes back to the start, on every screen. Any touch
 * carries on (the countdown restarts on it); the ticket screen's button keeps the number showing.
 */
export function IdleWarning(props: {
  secondsLeft: number;
  onTicket: boolean;
  onCarryOn: () => void;
  onStartOver: () => void;
}) {
  const { t } = useLanguage();
  return (
    <div className="idle-warning" role="alertdialog" aria-labelledby="idle-title" data-testid="idle-warning">
      <div className="idle-card">
        <p className="idle-count" aria-hidden="true">
          {props.secondsLeft}
        </p>
        <h2 id="idle-title">{t(TEXT.stillThere)}</h2>
        <p role="status" aria-live="polite">
          {t(idleWarningText(props.secondsLeft, props.onTicket))}
        </p>
        <div className="idle-actions">
          <button type="button" className="secondary-button" onClick={props.onStartOver}>
            {t(TEXT.startOver)}
          </button>
          <button type="button" className="primary-button" onClick={props.onCarryOn} data-testid="carry-on">
            {props.onTicket ? t(TEXT.keepShowing) : t(TEXT.carryOn)}
          </button>
        </div>
      </div>
    </div>
  );
}
