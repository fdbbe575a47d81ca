// Starts the worker script a shop process runs: the broker has its own entry
// (the local log, or on NATS the reader of JetStream's figures); every service
// (order, payment, inventory, shipping, orchestrator) shares one.

import type { ProcessName } from '../../core/telemetry';

export function spawnShopWorker(process: ProcessName, onNats = false): Worker {
  const name = process;
  // Literal URLs so Vite bundles each entry as a module worker.
  if (process !== 'broker')
    return new Worker(new URL('../../workers/service.worker.ts', import.meta.url), { type: 'module', name });
  return onNats
    ? new Worker(new URL('../../workers/natsBroker.worker.ts', import.meta.url), { type: 'module', name })
    : new Worker(new URL('../../workers/broker.worker.ts', import.meta.url), { type: 'module', name });
}
