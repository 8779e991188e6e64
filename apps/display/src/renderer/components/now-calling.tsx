import type { AgencyConfig, CounterConfig, ServiceConfig } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import { TEXT } from '../display-text.js';
import type { CallRecord } from '../feed/call-feed.js';
import './agency-dot.css';
import './now-calling.css';

export interface NowCallingProps {
  call: CallRecord | undefined;
  counter: CounterConfig | undefined;
  agency: AgencyConfig | undefined;
  service: ServiceConfig | undefined;
  /** Just arrived: drawn in the attention colour for a few seconds. */
  fresh: boolean;
}

/** The newest call, as large as the screen allows: number → counter. */
export function NowCalling(props: NowCallingProps) {
  const { t } = useLanguage();
  const { call, counter, agency, service } = props;
  if (!call) {
    return (
      <section className="now-calling empty" data-testid="now-calling">
        <div className="now-empty-title">{t(TEXT.noCallsYet)}</div>
        <div className="now-empty-hint">{t(TEXT.noCallsHint)}</div>
      </section>
    );
  }
  return (
    <section
      // A new key restarts the flash animation on every call, recalls included.
      key={call.key}
      className={`now-calling${props.fresh ? ' fresh' : ''}`}
      data-testid="now-calling"
      aria-live="assertive"
    >
      <div className="now-label">
        {t(TEXT.queueNumber)}
        {call.recall ? <span className="now-recall">{t(TEXT.calledAgain)}</span> : null}
      </div>
      <div className="now-number" data-testid="now-number">
        {call.displayNumber}
      </div>
      <div className="now-goto">
        <span className="now-goto-label">{t(TEXT.pleaseGoTo)}</span>
        <span className="now-counter" data-testid="now-counter">
          <span className="now-counter-word">{t(TEXT.counter)}</span> {counter?.name ?? '?'}
        </span>
      </div>
      {agency ? (
        <div className="now-agency">
          <span className="agency-dot" style={agencyStyle(agency.color)} />
          <span className="now-agency-name">{agency.shortName}</span>
          {service ? <span className="now-service">{t(service.name)}</span> : null}
        </div>
      ) : null}
    </section>
  );
}
