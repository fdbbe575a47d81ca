// Starts the worker script a shop process runs: the broker has its own entry;
// every service (order, payment, inventory, shipping, orchestrator) shares one.

import type { ProcessName } from '../../core/telemetry';

export function spawnShopWorker(process: ProcessName): Worker {
  // Literal URLs so Vite bundles each entry as a module worker.
  return process === 'broker'
    ? new Worker(new URL('../../workers/broker.worker.ts', import.meta.url), {
        type: 'module',
        name: process,
      })
    : new Worker(new URL('../../workers/service.worker.ts', import.meta.url), {
        type: 'module',
        name: process,
      });
}
