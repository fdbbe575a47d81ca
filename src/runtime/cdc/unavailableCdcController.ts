// What the CDC page runs on when its run could not start: a CdcController
// that reports why, so the page shows the error instead of going blank.

import { DEFAULT_SCENARIO } from '../../core/scenario/scenario';
import type { CdcController, CdcEvent } from '../cdcController';

export function unavailableCdcController(cause: unknown, code = 'conductor-start-failed'): CdcController {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const error: CdcEvent = { kind: 'error', code, message: reason };
  const refuse = () => Promise.reject(new Error(`The playground is not running: ${reason}`));
  return {
    topology: 'cdc',
    runId: '',
    scenario: () => ({ ...DEFAULT_SCENARIO, topology: 'cdc' }),
    subscribe(listener) {
      listener([error]);
      return () => undefined;
    },
    status: () => 'crashed',
    crashNow: () => undefined,
    crashAt: () => undefined,
    restart: refuse,
    write: refuse,
    writeMany: refuse,
    listings: refuse,
    changes: refuse,
    connector: refuse,
    searchDocs: refuse,
    search: refuse,
    settle: refuse,
    anomalies: () => [],
    dispose: () => undefined,
  };
}
