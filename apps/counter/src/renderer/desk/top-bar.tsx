import type { CounterStatus, HallTimeZone, SignedInStaff } from '@antre/shared';
import { hallDateText, hallTimeText } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { CounterView } from '../model/counter-view.js';
import { T, breakReasonText, fill } from '../text/ui-text.js';
import { CompactLanguageToggle } from './compact-language-toggle.js';
import { StatusControl } from './status-control.js';
import '../shared/buttons.css';
import './top-bar.css';

export interface TopBarProps {
  view: CounterView;
  staff: SignedInStaff;
  now: number;
  zone: HallTimeZone;
  online: boolean;
  onStatus: (status: CounterStatus) => void;
  onChangeCounter: () => void;
  onSignOut: () => void;
}

/** Which counter this is, its status, the time, who is signed in, and the ways out. */
export function TopBar(props: TopBarProps) {
  const { t, lang } = useLanguage();
  const { view } = props;
  const reason = view.status.status === 'paused' ? breakReasonText(view.status.pauseReason) : undefined;
  return (
    <header className="top-bar" style={agencyStyle(view.agency?.color)}>
      <div className="top-counter">
        <span className="counter-number">{view.counter.name}</span>
        <span className="top-counter-text">
          <strong>{t(fill(T.counterN, { n: view.counter.name }))}</strong>
          <span>{view.agency?.shortName}</span>
        </span>
      </div>
      <div className="top-status">
        <StatusControl status={view.status.status} disabled={!props.online} onChoose={props.onStatus} />
        {reason ? <span className="pause-reason">{t(reason)}</span> : null}
      </div>
      <div className="top-clock">
        <strong>{hallTimeText(props.now, props.zone)}</strong>
        <span>{hallDateText(props.now, props.zone, lang)}</span>
      </div>
      <div className="top-staff">
        <strong>{props.staff.name}</strong>
        <span>{props.staff.username}</span>
      </div>
      <CompactLanguageToggle />
      <div className="top-actions">
        <button type="button" className="btn ghost small" onClick={props.onChangeCounter}>
          {t(T.changeCounter)}
        </button>
        <button type="button" className="btn ghost small" onClick={props.onSignOut}>
          {t(T.signOut)}
        </button>
      </div>
    </header>
  );
}
