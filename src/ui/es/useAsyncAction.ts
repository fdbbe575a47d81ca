// A control's own call to the controller: busy while it runs, its failure kept
// to be shown beside the control (InlineError), never an unhandled rejection.

import { useCallback, useState } from 'react';
import { errorText } from './connectEs';

export interface AsyncAction {
  busy: boolean;
  error: string | null;
  clearError(): void;
  run<T>(work: () => Promise<T>): Promise<T | undefined>;
}

export function useAsyncAction(): AsyncAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T>(work: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (err) {
      setError(errorText(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, clearError: useCallback(() => setError(null), []), run };
}
