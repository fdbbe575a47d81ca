// The one keydown listener of presenter mode: resolves each press with the
// key map and hands the action on. A handled key's default is prevented, so
// Space does not also press the focused button or scroll the page. It listens
// in the capture phase: React Flow's own Space listener (pan activation) on
// window prevents the default first and would otherwise hide the key from us.

import { useEffect, useRef } from 'react';
import { resolveKey, type PresenterAction } from './keyMap';

export function usePresenterKeys(onAction: (action: PresenterAction) => void): void {
  const latest = useRef(onAction);
  useEffect(() => {
    latest.current = onAction;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = resolveKey(event);
      if (!action) return;
      event.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
