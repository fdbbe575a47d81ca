// The event-sourced topology's deterministic mode in the browser: EsWorld over
// the run's `orders`, `bank` and `query` workers, the commands that wait for
// their step, and the end-state fingerprint read from the page's IndexedDB.

import type { EsPending, EsStep } from '../../core/eventsourcing/esSteps';
import { ES_PROCESSES, type EsProcess } from '../../core/eventsourcing/esTypes';
import { EsWorld } from '../../core/sim/esWorld';
import { esStateHash } from '../../core/sim/topologyStateHashes';
import type { SteppingSpec } from './steppingSpec';

const STORE_COMMANDS = { command: 'command', stageRace: 'stageRace', growOrder: 'growOrder' } as const;

export const ES_STEPPING: SteppingSpec<EsProcess> = {
  // The scenario's `orders`: how many workload items (order commands and transfers) the run places by itself.
  world: (run, context, scenario) =>
    new EsWorld(
      {
        processes: ES_PROCESSES,
        isUp: (p) => run.status(p) === 'running',
        restart: (p, at) => context.restart(p, at),
        comesBackAt: (p) => context.comesBackAt(p as EsProcess),
        pending: (p) => run.call<EsPending>(p, 'pending'),
        step: (p, step: EsStep, at) => run.call<string>(p, 'step', step, at),
      },
      { seed: scenario.seed, items: scenario.orders },
    ),
  commands: {
    orders: STORE_COMMANDS,
    // A transfer's debit is its step; its credit and completion follow as steps of their own.
    bank: { ...STORE_COMMANDS, transfer: 'debit' },
    query: { rebuild: 'rebuild' },
  },
  stateHash: (runId) => esStateHash(runId, { indexedDB, IDBKeyRange }),
};
