// Starts the worker script a CDC run's process runs: the broker reuses the
// shop's broker entry; listings, connector and query have their own.

import type { CdcNode } from '../cdcController';

export function spawnCdcWorker(process: CdcNode): Worker {
  // Literal URLs so Vite bundles each entry as a module worker.
  switch (process) {
    case 'broker':
      return new Worker(new URL('../../workers/broker.worker.ts', import.meta.url), {
        type: 'module',
        name: process,
      });
    case 'listings':
      return new Worker(new URL('../../workers/listings.worker.ts', import.meta.url), {
        type: 'module',
        name: process,
      });
    case 'connector':
      return new Worker(new URL('../../workers/connector.worker.ts', import.meta.url), {
        type: 'module',
        name: process,
      });
    case 'query':
      return new Worker(new URL('../../workers/search.worker.ts', import.meta.url), {
        type: 'module',
        name: process,
      });
  }
}
