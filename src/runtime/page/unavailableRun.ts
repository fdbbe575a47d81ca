// What every page's stand-in controller does when its run could not start:
// tells the error to whoever subscribes, refuses every call with the reason,
// and shows every process as crashed. Each page adds its own calls (all
// `refuse`), so the page shows the error instead of going blank.

import { DEFAULT_SCENARIO, type Topology } from '../../core/scenario/scenario';

export function unavailableRun<T extends Topology>(topology: T, cause: unknown, code: string) {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const error = { kind: 'error' as const, code, message: reason };
  const refuse = () => Promise.reject(new Error(`The playground is not running: ${reason}`));
  const basics = {
    topology,
    runId: '',
    scenario: () => ({ ...DEFAULT_SCENARIO, topology }),
    subscribe(listener: (events: (typeof error)[]) => void) {
      listener([error]);
      return () => undefined;
    },
    status: () => 'crashed' as const,
    crashNow: () => undefined,
    crashAt: () => undefined,
    restart: refuse,
    settle: refuse,
    anomalies: () => [],
  };
  return { basics, refuse };
}
