import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';

/** Arrow keys move a highlight through a list while typing in its search field; the highlight stays in range. */
export function useListKeys(length: number): {
  active: number;
  setActive: (i: number) => void;
  onKeyDown: (e: KeyboardEvent) => void;
} {
  const [active, setActive] = useState(0);
  useEffect(() => {
    if (active >= length) setActive(Math.max(0, length - 1));
  }, [active, length]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive(Math.min(length - 1, active + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(0, active - 1));
    }
  };
  return { active: Math.min(active, Math.max(0, length - 1)), setActive, onKeyDown };
}
