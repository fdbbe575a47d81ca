// Starts the worker script an event-sourced process runs: `orders` and `bank`
// run the event-store entry, `query` the read-model entry.

import type { EsProcess } from '../../core/eventsourcing/esTypes';

export function spawnEsWorker(process: EsProcess): Worker {
  // Literal URLs so Vite bundles each entry as a module worker.
  return process === 'query'
    ? new Worker(new URL('../../workers/query.worker.ts', import.meta.url), { type: 'module', name: process })
    : new Worker(new URL('../../workers/es.worker.ts', import.meta.url), { type: 'module', name: process });
}
