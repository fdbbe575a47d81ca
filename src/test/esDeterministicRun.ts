// A deterministic event-sourced run headless in Node: the same scheduler and
// EsWorld the browser's conductor uses, driving in-process EsHost and
// QueryHost on fake-indexeddb with one stepped clock. The scenario's seed
// picks the interleaving and its workload; its crash faults fire at their nth
// crash point; `kills` end a process where it stands after a given step.

import { SteppedClock } from '../core/clock';
import { checkEsInvariants, type EsSystemSnapshot } from '../core/eventsourcing/esInvariants';
import { ES_PACES } from '../core/eventsourcing/esPace';
import type { EsStep } from '../core/eventsourcing/esSteps';
import { ES_PROCESSES, ES_STORE_NAMES, type EsProcess } from '../core/eventsourcing/esTypes';
import { FaultLedger } from '../core/faults/faultLedger';
import type { Scenario } from '../core/scenario/scenario';
import { EsWorld, type EsProcesses } from '../core/sim/esWorld';
import { Scheduler } from '../core/sim/scheduler';
import { esStateHash } from '../core/sim/topologyStateHashes';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { createEsHarness, type EsHarness } from './esHarness';
import { grantUntilDone, type RunOutcome } from './simLoop';

export interface EsDeterministicOptions {
  maxSteps?: number;
  /** The chaos suite's broken projector (see esHarness.ts). */
  checkpointApart?: boolean;
  /** Processes killed where they stand right after step `step` (a logical position, never a time). */
  kills?: { process: EsProcess; step: number }[];
  /**
   * Hears every fact with the stepped clock's time — the processes' own, and the conductor's `crashed` and
   * `process` (running) when a process dies or (re)starts — and after the start (step 0) and each step, the
   * snapshot as the conductor reads it (the processes that are up).
   */
  observe?: {
    report(fact: { kind: string } & Record<string, unknown>, at: number): void;
    step(step: number, time: number, snapshot: () => Promise<EsSystemSnapshot>): Promise<void>;
  };
}

export interface EsDeterministicResult extends RunOutcome {
  /** Events in both stores at the end. */
  events: number;
}

const dexie = { indexedDB, IDBKeyRange };

export async function runEsDeterministic(
  scenario: Scenario,
  { maxSteps = 20_000, checkpointApart = false, kills = [], observe }: EsDeterministicOptions = {},
): Promise<EsDeterministicResult> {
  const clock = new SteppedClock();
  const tell = (fact: { kind: string } & Record<string, unknown>) => observe?.report(fact, clock.now());
  // The scenario's pace sizes the projection batches, as the browser's query worker is told.
  const h = createEsHarness({
    closeOnCrash: true,
    stepped: clock,
    pace: ES_PACES[scenario.pace],
    onFact: tell,
    onCrash: (process, point) => tell({ kind: 'crashed', process, point }),
  });
  const ledger = new FaultLedger(scenario.faults);
  const killed: { process: string; point: 'manual' }[] = [];
  const host = (p: EsProcess) => (p === 'query' ? h.query() : h.store(p));
  const start = async (p: EsProcess, at: number) => {
    clock.set(at);
    if (p === 'query') await h.startQuery({ checkpointApart });
    else await h.startStore(p, scenario.snapshotEvery);
    tell({ kind: 'process', process: p, status: 'running' });
    await ledger.armProcess(p, {
      arm: (_, point, nth) => host(p).arm(point, nth),
      duplicateNext: () => undefined,
      delayNext: () => undefined,
      refusePublishes: () => undefined,
    });
  };
  try {
    for (const p of ES_PROCESSES) await start(p, 0);
    const world = new EsWorld(esProcesses(h, start, ledger), {
      seed: scenario.seed,
      items: scenario.orders,
    });
    const scheduler = new Scheduler(world, { seed: scenario.seed });
    await observe?.step(0, 0, () => upSnapshot(h));
    const ran = await grantUntilDone(scheduler, {
      afterStep: observe && ((steps) => observe.step(steps, scheduler.time, () => upSnapshot(h))),
      maxSteps,
      ledger,
      crashes: () => h.crashes,
      kills,
      kill: (p) => {
        if (host(p).crash.dead) return;
        killed.push({ process: p, point: 'manual' });
        tell({ kind: 'crashed', process: p, point: 'manual' });
        kill(host(p));
      },
    });
    const heads = await Promise.all(ES_STORE_NAMES.map((s) => h.store(s).store.head()));
    return {
      ...ran,
      stateHash: await esStateHash(h.runId, dexie),
      anomalies: checkEsInvariants(await h.snapshot(), { settled: true }),
      crashes: [...h.crashes, ...killed],
      events: heads.reduce((a, b) => a + b, 0),
    };
  } finally {
    h.close();
  }
}

/** What EsConductor's snapshot() reads: the stores that are up, and the read models if the query service is. */
async function upSnapshot(h: EsHarness): Promise<EsSystemSnapshot> {
  const up = ES_STORE_NAMES.filter((s) => !h.store(s).crash.dead);
  const query = h.query().crash.dead ? null : h.query();
  return {
    stores: await Promise.all(up.map((s) => h.store(s).audit())),
    readModels: query
      ? {
          orderSummaries: await query.readModel('orderSummaries'),
          balances: await query.readModel('balances'),
        }
      : undefined,
  };
}

/** Kills a host as terminating its worker would: dead at once, its databases closed. */
function kill(host: { crash: { dead: boolean }; db: { close(): void } } & { close?: () => void }): void {
  host.crash.dead = true;
  if (host.close) host.close();
  else host.db.close();
}

function esProcesses(
  h: EsHarness,
  start: (p: EsProcess, at: number) => Promise<void>,
  ledger: FaultLedger,
): EsProcesses {
  const host = (p: EsProcess) => (p === 'query' ? h.query() : h.store(p));
  return {
    processes: ES_PROCESSES,
    isUp: (p) => !host(p).crash.dead,
    restart: (p, at) => start(p, at),
    comesBackAt: (p) => ledger.comesBackAt(p),
    pending: (p) => host(p).pending(),
    step: (p, step: EsStep, at) =>
      p === 'query'
        ? h.query().step(step, at, async () => ({ applied: await h.projectOnce() }))
        : h.store(p).step(step, at),
  };
}
