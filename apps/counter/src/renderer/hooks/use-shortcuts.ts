import { useEffect, useLayoutEffect, useRef } from 'react';
import type { DeskAction } from '../model/desk-actions.js';
import { actionForKey } from '../model/desk-actions.js';

/**
 * Calls `onAction` for F1..F9 anywhere on the page while `enabled` (no dialog open). The browser's own
 * meaning of those keys (help, reload, find) is suppressed; a key held down does not repeat the action.
 */
export function useDeskShortcuts(enabled: boolean, onAction: (action: DeskAction) => void): void {
  const handler = useRef(onAction);
  useLayoutEffect(() => {
    handler.current = onAction;
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const action = actionForKey(e);
      if (!action) return;
      e.preventDefault();
      if (!enabled || e.repeat) return;
      handler.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
