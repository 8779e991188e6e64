import { useEffect, useState } from 'react';
import type { HubConnection } from '@antre/client';

/**
 * The hub's clock as this page keeps it: the offset learnt from `welcome.now`, so that a wait is measured on
 * the same clock that stamped the ticket, whatever this computer's clock says.
 */
export class HubTime {
  private offsetMs = 0;

  constructor(conn: HubConnection) {
    conn.socket.on('welcome', (w) => {
      this.offsetMs = w.now - Date.now();
    });
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }
}

/** The hub's time now, re-read every `everyMs`. */
export function useHubNow(time: HubTime, everyMs: number): number {
  const [now, setNow] = useState(() => time.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(time.now()), everyMs);
    return () => clearInterval(timer);
  }, [time, everyMs]);
  return now;
}
