// The event-sourced chaos runner: per seed, a random plan of crashes at the ES
// crash points and a random workload (new accounts, deposits, transfers run
// concurrently, order commands, projection batches in between), run in-process
// on fake-indexeddb with the hosts the workers build. Whatever dies is
// restarted (a bank restart resumes its transfers); then the run settles and
// the ES invariants are checked. With the patterns on none may break; the
// broken variant must show the anomaly it predicts — proof the checker can fail.

import { isCrash } from '../core/crash';
import type { CrashPoint } from '../core/crashPoints';
import { checkEsInvariants } from '../core/eventsourcing/esInvariants';
import { ES_CRASH_POINTS, ES_PROCESSES, ES_STORE_NAMES, type EsProcess } from '../core/eventsourcing/esTypes';
import { WrongExpectedVersion } from '../core/eventsourcing/eventStore';
import { RuleBroken, type OrderCommand } from '../core/eventsourcing/orderAggregate';
import type { Anomaly, InvariantName } from '../core/invariants';
import { pick, seededRandom, type Random } from '../core/random';
import { createEsHarness, type EsHarness } from './esHarness';

export interface EsVariant {
  /** The query service projects with its checkpoint outside the batch's transaction (the test-only broken projector). */
  checkpointApart: boolean;
  /** The anomaly this variant must show; null for the patterns, which must show none. */
  predicted: InvariantName | null;
}

export const ES_VARIANTS = {
  'es-patterns': { checkpointApart: false, predicted: null },
  'es-checkpoint-apart': { checkpointApart: true, predicted: 'read-model-converged' },
} satisfies Record<string, EsVariant>;

export type EsVariantName = keyof typeof ES_VARIANTS;

/** One planned crash: the process dies the `nth` time it reaches `point`. */
export interface EsCrash {
  process: EsProcess;
  point: CrashPoint;
  nth: number;
}

export interface EsSeedResult {
  seed: number;
  variant: EsVariantName;
  plan: string[];
  anomalies: Anomaly[];
  /** What was still owed when settling gave up (empty once settled). */
  unsettled: string[];
  crashes: number;
  transfers: { completed: number; attempted: number };
  /** Calls refused because their stream stayed hot past the command handler's retries. */
  conflicts: number;
  events: number;
}

const ROUNDS = 6;
const ORDER_SCRIPT: OrderCommand[] = [
  { type: 'create', customerId: 'dana' },
  { type: 'addItem', sku: 'MUG', qty: 2, price: 12 },
  { type: 'addItem', sku: 'BOOK', qty: 1, price: 25 },
  { type: 'removeItem', sku: 'MUG' },
  { type: 'addItem', sku: 'LAMP', qty: 1, price: 60 },
  { type: 'confirm' },
];

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
export const describeEsCrash = (c: EsCrash) => `crash ${c.process} at ${c.point} (#${c.nth})`;

/** One to three crashes, at most one per process and point; the broken variant always gets a query crash. */
export function randomEsPlan(random: Random, variant: EsVariant): EsCrash[] {
  const plan: EsCrash[] = [];
  if (variant.checkpointApart)
    plan.push({ process: 'query', point: 'projection-before-checkpoint-commit', nth: int(random, 1, 4) });
  for (let n = int(random, 1, 3) - plan.length; n > 0; n--) {
    const process = pick(random, ES_PROCESSES);
    const crash = { process, point: pick(random, ES_CRASH_POINTS[process]), nth: int(random, 1, 4) };
    if (!plan.some((c) => c.process === crash.process && c.point === crash.point)) plan.push(crash);
  }
  return plan;
}

/** Drives one seed's run: the hosts, the plan's crashes, and restarts of whatever died. */
class EsChaosRun {
  readonly h: EsHarness;
  conflicts = 0;
  private readonly snapshotEvery: number;

  constructor(
    random: Random,
    private readonly variant: EsVariant,
    private readonly plan: EsCrash[],
  ) {
    this.h = createEsHarness({ closeOnCrash: true });
    this.snapshotEvery = pick(random, [2, 3, 5]);
  }

  async start(): Promise<void> {
    for (const store of ES_STORE_NAMES) await this.h.startStore(store, this.snapshotEvery);
    await this.h.startQuery({ checkpointApart: this.variant.checkpointApart });
    for (const process of ES_PROCESSES) this.arm(process);
  }

  /** Arms the plan's crashes for `process` that have not fired yet (a restarted host starts unarmed). */
  private arm(process: EsProcess): void {
    const host = process === 'query' ? this.h.query() : this.h.store(process);
    for (const c of this.plan)
      if (
        c.process === process &&
        !this.h.crashes.some((d) => d.process === c.process && d.point === c.point)
      )
        host.arm(c.point, c.nth);
  }

  dead(process: EsProcess): boolean {
    return (process === 'query' ? this.h.query() : this.h.store(process)).crash.dead;
  }

  async restartDead(): Promise<void> {
    for (const store of ES_STORE_NAMES) {
      if (!this.dead(store)) continue;
      await this.h.startStore(store, this.snapshotEvery);
      this.arm(store);
    }
    if (this.dead('query')) {
      await this.h.startQuery({ checkpointApart: this.variant.checkpointApart });
      this.arm('query');
    }
  }

  /**
   * Runs one call on `process`; true if it went through. It may fail because the process died (at a crash
   * point, or a call of its own did) or because a rule or a hot stream refused it; anything else is a bug.
   */
  async attempt(process: EsProcess, call: () => Promise<unknown>): Promise<boolean> {
    try {
      await call();
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedVersion) this.conflicts++;
      if (
        isCrash(error) ||
        this.dead(process) ||
        error instanceof RuleBroken ||
        error instanceof WrongExpectedVersion
      )
        return false;
      throw error;
    }
  }
}

/** The workload: new accounts with deposits, then rounds of concurrent transfers, order commands and projection. */
async function workload(run: EsChaosRun, random: Random): Promise<EsSeedResult['transfers']> {
  const { h } = run;
  const accounts = ['acc-alice', 'acc-bob', 'acc-carol'];
  for (let i = 1, n = int(random, 1, 3); i <= n; i++) {
    const id = `acc-x${i}`;
    accounts.push(id);
    await run.attempt('bank', () => h.store('bank').command(id, { type: 'open', owner: `x${i}` }));
    await run.attempt('bank', () =>
      h.store('bank').command(id, { type: 'deposit', amount: int(random, 10, 100) }),
    );
    await run.restartDead();
  }
  const orders = ['o-1', 'o-2'].map((id) => ({ id, next: 0 }));
  const transfers = { completed: 0, attempted: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const calls: Promise<unknown>[] = [];
    for (let n = int(random, 2, 4); n > 0; n--) {
      const from = pick(random, accounts);
      const to = pick(
        random,
        accounts.filter((a) => a !== from),
      );
      const request = { transferId: `t-${round}-${n}`, from, to, amount: int(random, 1, 40) };
      transfers.attempted++;
      calls.push(
        run
          .attempt('bank', () => h.store('bank').transfer(request))
          .then((ok) => void (transfers.completed += ok ? 1 : 0)),
      );
    }
    const order = pick(random, orders);
    if (order.next < ORDER_SCRIPT.length)
      calls.push(
        run.attempt('orders', () => h.store('orders').command(order.id, ORDER_SCRIPT[order.next++])),
      );
    calls.push(run.attempt('query', () => h.projectOnce()));
    await Promise.all(calls);
    await run.restartDead();
    // A second batch between rounds, so the query service also reaches its crash point with the stores quiet.
    await run.attempt('query', () => h.projectOnce());
    await run.restartDead();
  }
  return transfers;
}

const SETTLE_ROUNDS = 10;

/** Restarts and catches up until everything is up, nothing is in flight and no projection is behind. */
async function settle(run: EsChaosRun): Promise<string[]> {
  let owed: string[] = [];
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    await run.restartDead();
    await run.attempt('query', () => run.h.catchUp());
    owed = ES_PROCESSES.filter((p) => run.dead(p)).map((p) => `${p} is down`);
    if (owed.length) continue;
    const flying = await run.h.store('bank').transfersInFlight();
    if (flying) owed.push(`bank: ${flying} transfers debited and not completed`);
    for (const lag of await run.h.query().lag())
      if (lag.behind) owed.push(`query: ${lag.name} ${lag.behind} behind`);
    if (!owed.length) return [];
  }
  return owed;
}

export async function runEsSeed(seed: number, variantName: EsVariantName): Promise<EsSeedResult> {
  const variant: EsVariant = ES_VARIANTS[variantName];
  const random = seededRandom(seed);
  const plan = randomEsPlan(random, variant);
  const run = new EsChaosRun(random, variant, plan);
  try {
    await run.start();
    const transfers = await workload(run, random);
    const unsettled = await settle(run);
    const anomalies = checkEsInvariants(await run.h.snapshot(), { settled: unsettled.length === 0 });
    const heads = await Promise.all(ES_STORE_NAMES.map((s) => run.h.store(s).store.head()));
    return {
      seed,
      variant: variantName,
      plan: plan.map(describeEsCrash),
      anomalies,
      unsettled,
      crashes: run.h.crashes.length,
      transfers,
      conflicts: run.conflicts,
      events: heads.reduce((a, b) => a + b, 0),
    };
  } finally {
    run.h.close();
  }
}
