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

/** Calls `onIdle` once nobody has touched the screen for `ms` while `active`. */
export function useIdle(ms: number, active: boolean, onIdle: () => void): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => callback.current(), ms);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), ms);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touched, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, touched);
    };
  }, [ms, active]);
}

/** Seconds left of a countdown that runs while `running`, restarting with `key`; `onDone` at zero. */
export function useCountdown(seconds: number, running: boolean, key: string, onDone: () => void): number {
  const [left, setLeft] = useState(seconds);
  const callback = useRef(onDone);
  callback.current = onDone;
  useEffect(() => {
    setLeft(seconds);
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        callback.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds, running, key]);
  return left;
}
