import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DisplayController } from './display-controller.js';

/** Re-renders when the controller changes (scope, sound, audio lock) or a call arrives. */
export function useDisplay(controller: DisplayController): { version: number; feedVersion: number } {
  const version = useSyncExternalStore(
    (onChange) => controller.subscribe(onChange),
    () => controller.version,
  );
  const feedVersion = useSyncExternalStore(
    (onChange) => controller.feed.subscribe(onChange),
    () => controller.feed.version,
  );
  return { version, feedVersion };
}

/** The local time, refreshed every `ms`: drives the clock and the end of highlights. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** True for `ms` after the last pointer move or key press; the hidden controls show meanwhile. */
export function useRecentActivity(ms: number): boolean {
  const [active, setActive] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poke = () => {
      setActive(true);
      clearTimeout(timer);
      timer = setTimeout(() => setActive(false), ms);
    };
    window.addEventListener('pointermove', poke);
    window.addEventListener('keydown', poke);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', poke);
      window.removeEventListener('keydown', poke);
    };
  }, [ms]);
  return active;
}

/** The element's size in CSS pixels, kept up to date. */
export function useElementSize<T extends HTMLElement>(): [
  (el: T | null) => void,
  { width: number; height: number },
] {
  const [el, setEl] = useState<T | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return [setEl, size];
}
