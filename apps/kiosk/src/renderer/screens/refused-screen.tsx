import type { DomainError } from '@antre/shared';
import { ERROR_TEXT } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { Icon } from '../components/icon.js';
import { TEXT } from '../text/kiosk-text.js';
import '../shared/buttons.css';
import '../shared/spinner.css';
import './refused-screen.css';

/** The hub (or the offline kiosk) refused the ticket: why, in the citizen's language, and a way back. */
export function RefusedScreen(props: { error: DomainError; onBack: () => void; onHome: () => void }) {
  const { t } = useLanguage();
  return (
    <div className="message-screen" data-testid="refused">
      <div className="message-card danger">
        <Icon name="alert" size={72} />
        <h1>{t(TEXT.refusedTitle)}</h1>
        <p>{t(ERROR_TEXT[props.error.code])}</p>
        <div className="message-actions">
          <button type="button" className="secondary-button" onClick={props.onBack}>
            {t(TEXT.back)}
          </button>
          <button type="button" className="primary-button" onClick={props.onHome}>
            {t(TEXT.home)}
          </button>
        </div>
      </div>
    </div>
  );
}

/** While the number is being issued: a moment normally; longer when the hub is slow to answer. */
export function IssuingScreen(props: { offline: boolean }) {
  const { t } = useLanguage();
  return (
    <div className="message-screen" data-testid="issuing">
      <div className="message-card">
        <span className="spinner large" aria-hidden="true" />
        <h1>{t(TEXT.issuing)}</h1>
        {props.offline ? <p>{t(TEXT.waitingForHub)}</p> : null}
      </div>
    </div>
  );
}

/** Before the hall config has ever arrived: nothing to show but that the kiosk is connecting. */
export function ConnectingScreen(props: { refusal?: DomainError | undefined }) {
  const { t } = useLanguage();
  return (
    <div className="message-screen" data-testid="connecting">
      <div className="message-card">
        {props.refusal ? (
          <Icon name="alert" size={72} />
        ) : (
          <span className="spinner large" aria-hidden="true" />
        )}
        <h1>{t(TEXT.connecting)}</h1>
        {props.refusal ? <p>{t(ERROR_TEXT[props.refusal.code])}</p> : null}
      </div>
    </div>
  );
}
