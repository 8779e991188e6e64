import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { KioskBackend, KioskSnapshot } from '../core/kiosk-backend.js';

/** The backend's snapshot, re-rendering on each change (the snapshot object is replaced, never mutated). */
export function useKioskSnapshot(backend: KioskBackend): KioskSnapshot {
  return useSyncExternalStore(
    (onChange) => backend.subscribe(onChange),
    () => backend.snapshot(),
  );
}

/** The time, refreshed every `everyMs`: the header clock and opening hours. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * Seconds left before the screen goes back to the start: `seconds` from the last touch (or the last change
 * of `key`, or `restart`), while `seconds` is set; `onDone` at zero. Undefined while nothing counts down.
 */
export function useIdleCountdown(
  seconds: number | undefined,
  key: string,
  onDone: () => void,
): { secondsLeft: number | undefined; restart: () => void } {
  const [left, setLeft] = useState(seconds);
  const deadline = useRef(0);
  const callback = useRef(onDone);
  callback.current = onDone;
  const restart = useRef(() => {});
  useEffect(() => {
    setLeft(seconds);
    if (seconds === undefined) return;
    const start = () => {
      deadline.current = Date.now() + seconds * 1000;
      setLeft(seconds);
    };
    restart.current = start;
    start();
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        callback.current();
      }
    }, 250);
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, start, { passive: true });
    return () => {
      clearInterval(timer);
      for (const e of events) window.removeEventListener(e, start);
    };
  }, [seconds, key]);
  return { secondsLeft: seconds === undefined ? undefined : left, restart: () => restart.current() };
}
