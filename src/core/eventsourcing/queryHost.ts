// The query service: read models in its own database, kept by projections
// that tail both event stores the way a catch-up subscription does — opening
// each store's database by name and only ever reading it, polling at the
// pace's interval. Each batch and its checkpoint commit in one transaction
// here (projection.ts). Host-agnostic, like EsHost.

import { Dexie } from 'dexie';
import type { Clock, SteppedClock } from '../clock';
import { runHostCall } from '../sim/hostCalls';
import type { EsPending, EsStep } from './esSteps';
import { CrashSwitch } from '../crash';
import type { CrashPoint } from '../crashPoints';
import { withoutLiveQueries, type DexieDeps } from '../broker/brokerDb';
import { commitCapture } from '../service/commitCapture';
import { EventStore, eventStoreDbName, openEventStoreDb } from './eventStore';
import type { EsPace } from './esPace';
import {
  ES_STORE_NAMES,
  type EsFact,
  type EsStoreName,
  type ProjectionLag,
  type ReadModelName,
} from './esTypes';
import { catchUp, checkpointOf, CHECKPOINTS, lagOf, projectBatch } from './projection';
import { PROJECTION_SOURCES, tablesOf, type ProjectionSource } from './projectionSources';
import { READ_MODEL_TABLES } from './readModels';

export interface QueryHostDeps {
  runId: string;
  dexie: DexieDeps;
  clock: Clock;
  pace: EsPace;
  emit: (fact: EsFact) => void;
  die: (point: CrashPoint) => void;
  /** A batch failed for another reason than a crash (it is tried again next poll). */
  onError?: (error: unknown) => void;
  /** A deterministic run: `clock` must read this one, which each granted step sets to its simulation time. */
  stepped?: SteppedClock;
  /** Each batch's checkpoint is stored after it, in a transaction of its own (a scenario's `inbox: false`). */
  checkpointApart?: boolean;
}

export function queryDbName(runId: string): string {
  return `mpp-${runId}-query`;
}

export function openQueryDb(runId: string, dexie: DexieDeps): Dexie {
  const db = new Dexie(queryDbName(runId), withoutLiveQueries(dexie));
  db.version(1).stores(READ_MODEL_TABLES);
  return db;
}

export class QueryHost {
  readonly db: Dexie;
  /** The event stores, opened by name for reading: this process never appends to them. */
  readonly stores: Record<EsStoreName, EventStore>;
  readonly crash: CrashSwitch;
  private stopped = false;
  private readonly rebuilding = new Set<ReadModelName>();

  constructor(private readonly deps: QueryHostDeps) {
    this.crash = new CrashSwitch((point) => deps.die(point));
    this.db = openQueryDb(deps.runId, deps.dexie);
    // Every committed write is reported, so the run's history can rebuild the read models at any moment.
    this.db.use(commitCapture((changes) => changes.length && deps.emit({ kind: 'query-commit', changes })));
    const open = (store: EsStoreName) =>
      new EventStore(openEventStoreDb(eventStoreDbName(deps.runId, store), deps.dexie), deps.clock.now);
    this.stores = { orders: open('orders'), bank: open('bank') };
  }

  /** `loop: false` leaves polling to the caller (a test drives projectOnce itself). */
  async start({ loop = true } = {}): Promise<void> {
    await Promise.all([this.db.open(), ...ES_STORE_NAMES.map((s) => this.stores[s].db.open())]);
    if (loop) void this.run();
  }

  stop(): void {
    this.stopped = true;
  }

  close(): void {
    this.stop();
    this.db.close();
    for (const store of ES_STORE_NAMES) this.stores[store].db.close();
  }

  /** One batch for every source; returns what was applied and whether any source may have more. */
  async projectOnce(): Promise<{ applied: number; behind: boolean }> {
    let applied = 0;
    let behind = false;
    for (const source of PROJECTION_SOURCES) {
      if (this.rebuilding.has(source.readModel)) continue;
      const n = await this.projectSource(source);
      applied += n;
      behind ||= n === this.deps.pace.batch;
    }
    return { applied, behind };
  }

  /** The catch-up loop: a batch per source, then a pause (short while behind, the poll interval once caught up). */
  async run(): Promise<void> {
    while (!this.stopped && !this.crash.dead) {
      let behind = false;
      try {
        behind = (await this.projectOnce()).behind;
      } catch (error) {
        if (this.stopped || this.crash.endedBy(error)) return;
        this.deps.onError?.(error);
      }
      await this.deps.clock.sleep(behind ? this.deps.pace.behindPauseMs : this.deps.pace.pollMs);
    }
  }

  /** Deterministic runs: how far behind the projections are. */
  async pending(): Promise<EsPending> {
    return { legs: [], behind: (await this.lag()).reduce((sum, l) => sum + l.behind, 0) };
  }

  /** Deterministic runs: performs one granted step at simulation time `at`; returns what it did, for the trace. */
  async step(
    step: EsStep,
    at: number,
    project: () => Promise<{ applied: number }> = () => this.projectOnce(),
  ): Promise<string> {
    this.deps.stepped?.set(at);
    this.crash.assertAlive();
    if (step.kind === 'project') return `applied ${(await project()).applied}`;
    if (step.kind !== 'command') throw new Error(`query cannot ${step.kind}`);
    return runHostCall(
      { rebuild: (name: ReadModelName) => this.rebuild(name) },
      'query',
      step.name,
      step.input,
    );
  }

  async readModel(name: ReadModelName): Promise<Record<string, unknown>[]> {
    return this.db.table(tablesOf(name)[0]).toArray();
  }

  /** One order's summary, or null: what a page showing the order would read. */
  async orderSummary(orderId: string): Promise<Record<string, unknown> | null> {
    return (await this.db.table('orderSummaries').get(orderId)) ?? null;
  }

  /** Per read model: events not yet applied (summed over its sources) and the oldest one's age. */
  async lag(): Promise<ProjectionLag[]> {
    const byModel = new Map<ReadModelName, ProjectionLag>();
    for (const source of PROJECTION_SOURCES) {
      const { behind, oldestAgeMs } = await lagOf(
        this.stores[source.store],
        this.db,
        source.projection.name,
        this.deps.clock.now(),
      );
      const checkpoint = await checkpointOf(this.db, source.projection.name);
      const seen = byModel.get(source.readModel);
      const ages = [seen?.oldestAgeMs, oldestAgeMs].filter((age): age is number => typeof age === 'number');
      byModel.set(source.readModel, {
        name: source.readModel,
        behind: (seen?.behind ?? 0) + behind,
        oldestAgeMs: ages.length ? Math.max(...ages) : null,
        checkpoint: seen ? Math.min(seen.checkpoint, checkpoint) : checkpoint,
      });
    }
    return [...byModel.values()];
  }

  /**
   * Clears the read model and all its checkpoints in one transaction, then replays every event of its
   * sources, reporting progress as positions applied of the sources' heads.
   */
  async rebuild(name: ReadModelName): Promise<number> {
    const sources = PROJECTION_SOURCES.filter((s) => s.readModel === name);
    this.rebuilding.add(name);
    try {
      const tables = [...tablesOf(name), CHECKPOINTS].map((t) => this.db.table(t));
      await this.db.transaction('rw', tables, async () => {
        for (const t of tablesOf(name)) await this.db.table(t).clear();
        for (const s of sources) await this.db.table(CHECKPOINTS).delete(s.projection.name);
      });
      const total = (await Promise.all(sources.map((s) => this.stores[s.store].head()))).reduce(
        (a, b) => a + b,
        0,
      );
      const done: number[] = sources.map(() => 0);
      const report = (finished: boolean) =>
        this.deps.emit({
          kind: 'rebuild-progress',
          name,
          done: done.reduce((a, b) => a + b, 0),
          total,
          finished,
        });
      report(false);
      let applied = 0;
      for (const [i, s] of sources.entries()) {
        applied += await catchUp(
          this.stores[s.store],
          this.db,
          s.projection,
          this.deps.pace.rebuildBatch,
          (at) => {
            done[i] = at;
            report(false);
          },
        );
      }
      report(true);
      return applied;
    } finally {
      this.rebuilding.delete(name);
    }
  }

  arm(point: CrashPoint, nth?: number): void {
    this.crash.arm(point, nth);
  }

  disarm(): void {
    this.crash.disarm();
  }

  private async projectSource(source: ProjectionSource): Promise<number> {
    // The crash point fires inside the transaction, after the writes and the checkpoint: it aborts them all
    // (with the checkpoint apart, between the committed writes and the checkpoint).
    const applied = await projectBatch(
      this.stores[source.store],
      this.db,
      source.projection,
      this.deps.pace.batch,
      () => this.crash.at('projection-before-checkpoint-commit'),
      { checkpointApart: this.deps.checkpointApart },
    );
    if (applied)
      this.deps.emit({
        kind: 'projected',
        name: source.readModel,
        checkpoint: await checkpointOf(this.db, source.projection.name),
        applied,
      });
    return applied;
  }
}
