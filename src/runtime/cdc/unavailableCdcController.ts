// What the CDC page runs on when its run could not start: a CdcController
// that reports why, so the page shows the error instead of going blank.

import type { CdcController } from '../cdcController';
import { unavailableRun } from '../page/unavailableRun';

export function unavailableCdcController(cause: unknown, code = 'conductor-start-failed'): CdcController {
  const { basics, refuse } = unavailableRun('cdc', cause, code);
  return {
    ...basics,
    write: refuse,
    writeMany: refuse,
    listings: refuse,
    changes: refuse,
    connector: refuse,
    searchDocs: refuse,
    search: refuse,
    dispose: () => undefined,
  };
}
