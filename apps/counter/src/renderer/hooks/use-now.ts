import { useEffect, useState } from 'react';
import type { HubClock } from '../model/hub-clock.js';

/**
 * The hub's time for running timers and the clock: re-rendered every `everyMs`, and read afresh on every
 * other render too, so a screen redrawn for a new event never shows a time older than that event.
 */
export function useHubNow(clock: HubClock, everyMs = 1000): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return clock.now();
}
