// A deterministic CDC run headless in Node: the same scheduler and CdcWorld
// the browser's conductor uses, driving an in-process broker, ListingsHost,
// ConnectorHost and SearchHost on fake-indexeddb with one stepped clock. The
// seed picks the interleaving and the listing writes (the scenario's `orders`
// counts them); crash faults fire at their nth crash point; `kills` end a
// process (the broker too) where it stands right after a given step.

import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { CDC_PROCESSES, type CdcReport } from '../core/cdc/cdcTypes';
import type { CdcSystemSnapshot } from '../core/cdc/legacy/cdcInvariants';
import { checkCdcInvariants } from '../core/cdc/legacy/cdcInvariants';
import { CDC_PACES } from '../core/cdc/legacy/cdcPace';
import { SteppedClock } from '../core/clock';
import { FaultLedger } from '../core/faults/faultLedger';
import type { Scenario } from '../core/scenario/scenario';
import { CdcWorld, type CdcProcesses, type CdcSimProcess } from '../core/sim/cdcWorld';
import { Scheduler } from '../core/sim/scheduler';
import { cdcStateHash } from '../core/sim/topologyStateHashes';
import type { SearchHost } from '../core/cdc/legacy/searchHost';
import { CdcHarness } from './cdcHarness';
import { grantUntilDone, type RunOutcome } from './simLoop';

export interface CdcDeterministicOptions {
  maxSteps?: number;
  /** The chaos suite's broken connector (see cdcHarness.ts). */
  positionFirst?: boolean;
  /** Processes killed where they stand right after step `step` (a logical position, never a time). */
  kills?: { process: CdcSimProcess; step: number }[];
  /** Hears every report with the stepped clock's time, and after the start (step 0) and each step, the snapshot. */
  observe?: {
    report(report: CdcReport, at: number): void;
    step(step: number, time: number, snapshot: () => Promise<CdcSystemSnapshot>): Promise<void>;
  };
}

export interface CdcDeterministicResult extends RunOutcome {
  /** Listing writes made (committed or not). */
  writes: number;
  /** Change events the connector published again after a restart. */
  duplicates: number;
}

const dexie = { indexedDB, IDBKeyRange };
/** Broker first, then listings, so the connector's first snapshot has the seed rows to read. */
const START_ORDER: readonly CdcSimProcess[] = ['broker', ...CDC_PROCESSES];

export async function runCdcDeterministic(
  scenario: Scenario,
  { maxSteps = 20_000, positionFirst = false, kills = [], observe }: CdcDeterministicOptions = {},
): Promise<CdcDeterministicResult> {
  const clock = new SteppedClock();
  // The scenario's pace sizes the connector's batches, as the browser's workers are told.
  const pace = CDC_PACES[scenario.pace];
  const h = new CdcHarness({
    seed: scenario.seed,
    positionFirst,
    dedupHistory: scenario.inbox,
    stepped: clock,
    pace,
    onReport: observe && ((report) => observe.report(report, clock.now())),
  });
  const ledger = new FaultLedger(scenario.faults);
  const start = async (p: CdcSimProcess, at: number) => {
    clock.set(at);
    await h.start(p);
    // A broker that came back has its consumer rejoin within the same step, so the next offer sees it.
    const query = h.query() as SearchHost | null;
    if (p === 'broker' && query && !h.dead('query')) await query.consume();
    await ledger.armProcess(p, {
      arm: (_, point, nth) => (p === 'broker' ? undefined : hostOf(h, p).arm(point, nth)),
      duplicateNext: (group, type) => h.broker().faults.duplicateNext(group, type),
      delayNext: (group, type, ms) => h.broker().faults.delayNext(group, type, ms),
      refusePublishes: (publishes) => h.broker().faults.refusePublishes(publishes),
    });
  };
  try {
    for (const p of START_ORDER) await start(p, 0);
    const world = new CdcWorld(cdcProcesses(h, start, ledger), {
      writes: scenario.orders,
      slowness: (group) => ledger.slowness(group),
    });
    const scheduler = new Scheduler(world, { seed: scenario.seed });
    await observe?.step(0, 0, () => h.snapshot());
    const ran = await grantUntilDone(scheduler, {
      afterStep: observe && ((steps) => observe.step(steps, scheduler.time, () => h.snapshot())),
      maxSteps,
      ledger,
      crashes: () => h.crashes,
      kills,
      kill: (p) => h.kill(p),
    });
    return {
      ...ran,
      stateHash: await cdcStateHash(h.runId, dexie),
      anomalies: checkCdcInvariants(await h.snapshot(), { settled: true }),
      crashes: [...h.crashes],
      writes: world.placed,
      duplicates: (await h.connector().state()).duplicates,
    };
  } finally {
    h.close();
  }
}

function hostOf(h: CdcHarness, p: Exclude<CdcSimProcess, 'broker'>) {
  return p === 'listings' ? h.listings() : p === 'connector' ? h.connector() : h.query();
}

function cdcProcesses(
  h: CdcHarness,
  start: (p: CdcSimProcess, at: number) => Promise<void>,
  ledger: FaultLedger,
): CdcProcesses {
  return {
    processes: START_ORDER,
    isUp: (p) => !h.dead(p),
    restart: (p, at) => start(p, at),
    comesBackAt: (p) => ledger.comesBackAt(p),
    connectorPending: () => h.connector().pending(),
    deliverable: async () => h.broker().deliverable(),
    step: (p, step, at) => hostOf(h, p).step(step, at),
  };
}
