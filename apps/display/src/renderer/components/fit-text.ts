import { useCallback, useEffect, useRef } from 'react';

/**
 * Keeps one line of very large text whole: when `text` is wider than its box at the full size, the
 * element's `--fit` scale (read by its CSS font size) shrinks it to fit, in whatever font the screen has.
 * A short text stays at the full size.
 */
export function useFitText<T extends HTMLElement>(text: string): (el: T | null) => void {
  const element = useRef<T | null>(null);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const fit = useCallback(() => {
    const el = element.current;
    if (!el) return;
    el.style.setProperty('--fit', '1');
    const ratio = el.clientWidth / el.scrollWidth;
    if (ratio < 1) el.style.setProperty('--fit', String(Math.floor(ratio * 1000) / 1000));
  }, []);
  useEffect(fit, [text, fit]);
  useEffect(() => () => observer.current?.disconnect(), []);
  return useCallback(
    (el: T | null) => {
      observer.current?.disconnect();
      element.current = el;
      if (!el) return;
      observer.current = new ResizeObserver(fit);
      observer.current.observe(el);
      fit();
    },
    [fit],
  );
}
