import type { AgencyConfig, CounterConfig, ServiceConfig } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import { TEXT } from '../display-text.js';
import type { CallRecord } from '../feed/call-feed.js';
import { useFitText } from './fit-text.js';
import './agency-dot.css';
import './now-calling.css';

export interface NowCallingProps {
  call: CallRecord | undefined;
  counter: CounterConfig | undefined;
  agency: AgencyConfig | undefined;
  service: ServiceConfig | undefined;
  /** The floor or zone of the counter ("Lantai 1"): where to walk. */
  zone: string | undefined;
  /** Just arrived or being announced: drawn in the attention colour. */
  fresh: boolean;
}

/** The call being announced, as large as the screen allows: number, then where to go. */
export function NowCalling(props: NowCallingProps) {
  const { t } = useLanguage();
  const { call, counter, agency, service, zone } = props;
  const counterText = `${t(TEXT.counter)} ${counter?.name ?? '?'}`;
  const numberRef = useFitText<HTMLDivElement>(call?.displayNumber ?? '');
  const counterRef = useFitText<HTMLDivElement>(counterText);
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
      data-call={call.key}
      aria-live="assertive"
    >
      <div className="now-label">
        {t(TEXT.queueNumber)}
        {call.recall ? <span className="now-recall">{t(TEXT.calledAgain)}</span> : null}
      </div>
      <div className="now-number" data-testid="now-number" ref={numberRef}>
        {call.displayNumber}
      </div>
      <div className="now-goto-label">{t(TEXT.pleaseGoTo)}</div>
      <div className="now-counter" data-testid="now-counter" ref={counterRef}>
        {counterText}
      </div>
      <div className="now-where">
        {zone ? (
          <span className="now-zone" data-testid="now-zone">
            {zone}
          </span>
        ) : null}
        {agency ? (
          <span className="now-agency">
            <span className="agency-dot" style={agencyStyle(agency.color)} />
            <span className="now-agency-name">{agency.shortName}</span>
            {service ? <span className="now-service">{t(service.name)}</span> : null}
          </span>
        ) : null}
      </div>
    </section>
  );
}
