// A deterministic run headless in Node: the same scheduler the browser's
// conductor uses, driving in-process services on fake-indexeddb. The same
// scenario and seed give the same trace hash and state hash as the browser.

import { FaultLedger, type FaultTargets } from '../core/faults/faultLedger';
import { checkInvariants } from '../core/invariants';
import { type Anomaly } from '../core/invariantCatalogue';
import type { ServiceName } from '../core/rows';
import { serviceConfig } from '../core/service/pace';
import type { Scenario } from '../core/scenario/scenario';
import { sampleOrder } from '../core/services/catalog';
import { ORDER_COMMANDS } from '../core/services/orderCommands';
import { Scheduler, traceLine, type TraceEntry } from '../core/sim/scheduler';
import { ShopWorld, type ShopProcesses } from '../core/sim/shopWorld';
import { stateHash } from '../core/sim/stateHash';
import type { Fact, ProcessName } from '../core/telemetry';
import type { TableDump } from '../core/rows';
import type { BrokerDump } from '../core/broker/dump';
import { createHarness, type Harness } from './harness';

export interface DeterministicResult {
  traceHash: string;
  stateHash: string;
  trace: string[];
  anomalies: Anomaly[];
  steps: number;
  fired: string[];
}

const SHOP: ServiceName[] = ['order', 'payment', 'inventory', 'shipping'];

/** Told after the start (step 0) and after every step: the facts since the last call, and a read of every database. */
export type StepObserver = (moment: {
  step: number;
  time: number;
  facts: Fact[];
  services: ServiceName[];
  read: () => Promise<{ services: Record<string, TableDump>; broker: BrokerDump }>;
}) => Promise<void>;

/**
 * With `locate`, a seed whose end state breaks an invariant is run once more, checking the consistent-cut
 * invariants after every step (a deterministic run replays exactly), so each anomaly says the step it first broke
 * at. The replay reads every database at every step: worth it for a surprise, not for a variant built to break.
 */
export async function runDeterministic(
  scenario: Scenario,
  {
    maxSteps = 20_000,
    locate = false,
    observe,
  }: { maxSteps?: number; locate?: boolean; observe?: StepObserver } = {},
): Promise<DeterministicResult> {
  const { breaks: _, ...result } = await runOnce(scenario, maxSteps, false, observe);
  if (!locate || !result.anomalies.length) return result;
  const { breaks } = await runOnce(scenario, maxSteps, true);
  return { ...result, anomalies: result.anomalies.map((a) => ({ ...a, ...firstBreak(a, breaks) })) };
}

interface Break {
  invariant: string;
  message: string;
  step: number;
}

/** The first step the same anomaly (or failing that, the same invariant) was seen at. */
function firstBreak(anomaly: Anomaly, breaks: Break[]): { step?: number } {
  const found =
    breaks.find((b) => b.message === anomaly.message) ??
    breaks.find((b) => b.invariant === anomaly.invariant);
  return found ? { step: found.step } : {};
}

/** A deterministic shop run in Node, stepped by whoever holds it (runDeterministic to its end, a guide's beats one step at a time). */
export interface ShopSimRun {
  readonly scheduler: Scheduler;
  readonly services: ServiceName[];
  readonly ledger: FaultLedger;
  readonly facts: Fact[];
  /** Grants one step and records the faults it fired; null when nothing is left. */
  next(): Promise<TraceEntry | null>;
  isUp(process: ProcessName): boolean;
  readAll(): Promise<{ services: Record<string, TableDump>; broker: BrokerDump }>;
  close(): void;
}

/** Starts the scenario's processes over fake-indexeddb, its data in, its fault plan armed, and nothing stepped yet. */
export async function openShopSim(scenario: Scenario): Promise<ShopSimRun> {
  const services: ServiceName[] = scenario.sagaStyle === 'orchestration' ? [...SHOP, 'orchestrator'] : SHOP;
  const config = serviceConfig(scenario);
  const h = createHarness({ seed: scenario.seed });
  const ledger = new FaultLedger(scenario.faults);
  const readAll = async () => ({
    services: Object.fromEntries(
      await Promise.all(services.map(async (s) => [s, await h.read(s)] as const)),
    ) as Record<string, TableDump>,
    broker: await h.readBroker(),
  });
  try {
    const start = async (process: ProcessName) => {
      if (process === 'broker') await h.startBroker();
      else await h.startService(process, config);
      await ledger.armProcess(process, targetsOf(h));
    };
    for (const p of ['broker', ...services] as ProcessName[]) await start(p);
    for (const edit of scenario.data) await h.service(edit.service).editRow(edit.table, edit.row);
    const processes = harnessProcesses(h, ['broker', ...services], start);
    const world = new ShopWorld(
      { ...processes, comesBackAt: (p) => ledger.comesBackAt(p) },
      {
        seed: scenario.seed,
        orders: scenario.orders,
        orderCommand: ORDER_COMMANDS[scenario.ordering],
        orderInput: (random) => sampleOrder(random),
        slowness: (group) => ledger.slowness(group),
      },
    );
    const scheduler = new Scheduler(world, { seed: scenario.seed });
    // Faults are recorded as they fire, against the step that fired them.
    let seenFacts = 0;
    return {
      scheduler,
      services,
      ledger,
      facts: h.facts,
      async next() {
        const entry = await scheduler.next();
        for (const fact of h.facts.slice(seenFacts)) {
          if (fact.kind === 'crashed')
            ledger.onCrash(fact.process, fact.point, scheduler.time, scheduler.steps);
          if (fact.kind === 'broker-fault') ledger.onBrokerFault(fact, scheduler.time, scheduler.steps);
        }
        seenFacts = h.facts.length;
        return entry;
      },
      isUp: processes.isUp,
      readAll,
      close: () => h.close(),
    };
  } catch (error) {
    h.close();
    throw error;
  }
}

async function runOnce(
  scenario: Scenario,
  maxSteps: number,
  everyStep: boolean,
  observe?: StepObserver,
): Promise<DeterministicResult & { breaks: Break[] }> {
  const messaging = scenario.ordering === 'messaging';
  const run = await openShopSim(scenario);
  const { scheduler, services, ledger, readAll } = run;
  const breaks: Break[] = [];
  try {
    let observed = 0;
    const tell = async () => {
      if (!observe) return;
      const facts = run.facts.slice(observed);
      observed = run.facts.length;
      await observe({ step: scheduler.steps, time: scheduler.time, facts, services, read: readAll });
    };
    await tell();
    while (await run.next()) {
      await tell();
      if (everyStep)
        for (const anomaly of checkInvariants((await readAll()) as never, {
          settled: false,
          consistent: true,
          messaging,
        }))
          if (!breaks.some((b) => b.message === anomaly.message))
            breaks.push({ ...anomaly, step: scheduler.steps });
      if (scheduler.steps > maxSteps)
        throw new Error(
          `seed ${scenario.seed} did not end within ${maxSteps} steps; last: ${traceLine(scheduler.trace.at(-1)!)}`,
        );
    }
    const snapshot = await readAll();
    return {
      traceHash: scheduler.traceHash,
      stateHash: stateHash(snapshot),
      trace: scheduler.trace.map(traceLine),
      anomalies: checkInvariants(snapshot as never, { settled: true, messaging }),
      steps: scheduler.steps,
      fired: ledger.firedFaults().map((f) => `${f.description} (step ${f.step})`),
      breaks,
    };
  } finally {
    run.close();
  }
}

function targetsOf(h: Harness): FaultTargets {
  return {
    arm: (service, point, nth) => h.arm(service as ServiceName, point, nth),
    duplicateNext: (group, type) => h.broker().faults.duplicateNext(group, type),
    delayNext: (group, type, ms) => h.broker().faults.delayNext(group, type, ms),
    refusePublishes: (publishes) => h.broker().faults.refusePublishes(publishes),
  };
}

function harnessProcesses(
  h: Harness,
  processes: ProcessName[],
  start: (p: ProcessName) => Promise<void>,
): ShopProcesses {
  return {
    processes,
    isUp: (p) => (p === 'broker' ? !h.brokerDown() : !h.service(p).crash.dead),
    pending: (s) => h.service(s).pending(),
    deliverable: async () => h.broker().deliverable(),
    step: (s, step, at) => h.service(s).step(step, at),
    restart: (p) => start(p),
  };
}
