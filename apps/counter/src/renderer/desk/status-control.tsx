import type { CounterStatus } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { T } from '../text/ui-text.js';
import './status-control.css';

const OPTIONS: Array<{ status: CounterStatus; text: { id: string; en: string } }> = [
  { status: 'open', text: T.statusOpen },
  { status: 'paused', text: T.statusPaused },
  { status: 'closed', text: T.statusClosed },
];

/** Open, on break, closed: the counter's state as three buttons, the current one lit. */
export function StatusControl(props: {
  status: CounterStatus;
  disabled: boolean;
  onChoose: (status: CounterStatus) => void;
}) {
  const { t } = useLanguage();
  return (
    <div className="status-control" role="group" aria-label="Status loket / Counter status">
      {OPTIONS.map((o) => (
        <button
          key={o.status}
          type="button"
          className={`${o.status} ${props.status === o.status ? 'active' : ''}`}
          aria-pressed={props.status === o.status}
          disabled={props.disabled}
          onClick={() => props.status !== o.status && props.onChoose(o.status)}
        >
          <span className="dot" aria-hidden="true" />
          {t(o.text)}
        </button>
      ))}
    </div>
  );
}
