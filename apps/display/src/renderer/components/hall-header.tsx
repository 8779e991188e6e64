import type { ReactNode } from 'react';
import type { ConnectionStatus } from '@antre/client';
import type { PublicHallConfig } from '@antre/shared';
import { hallClockText } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { ReconnectNotice } from './reconnect-notice.js';
import './hall-header.css';

/** "MPP Kota Padang Panjang" → "MPP": the badge shown where a hall has no logo of its own. */
function hallInitials(name: string): string {
  const first = name.split(/\s+/)[0] ?? '';
  if (/^[A-Z]{2,4}$/.test(first)) return first;
  return name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .slice(0, 3)
    .map((w) => w[0])
    .join('');
}

export function HallHeader(props: {
  config: PublicHallConfig;
  scopeLabel: string | undefined;
  now: number;
  status: ConnectionStatus;
  /** A request to whoever stands at the screen (turn the sound on), beside the clock. */
  notice?: ReactNode;
}) {
  const { lang } = useLanguage();
  const { hall } = props.config;
  const clock = hallClockText(props.now, hall.timeZone, lang);
  return (
    <header className="hall-header">
      <div className="hall-badge" aria-hidden="true">
        {hallInitials(hall.name)}
      </div>
      <div className="hall-title">
        <h1>{hall.name}</h1>
        <p>
          {props.scopeLabel ? <span className="hall-scope">{props.scopeLabel}</span> : null}
          {hall.address ? <span>{hall.address}</span> : null}
        </p>
      </div>
      <ReconnectNotice status={props.status} />
      {props.notice}
      <div className="hall-clock" data-testid="hall-clock">
        <div className="hall-time">
          {clock.time} <span className="hall-zone">{clock.zone}</span>
        </div>
        <div className="hall-date">{clock.date}</div>
      </div>
    </header>
  );
}
