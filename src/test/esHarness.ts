// Runs an event-sourced run's processes in-process on fake-indexeddb: the
// same EsHost and QueryHost the workers build, each "killed" by its crash
// switch (or by `kill`) and "restarted" as a new host on the same databases.
// One test-only hook, for the chaos suite's broken variant: a projector that
// moves its checkpoint outside the batch's transaction (see projectCheckpointApart).

import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { systemClock, type SteppedClock } from '../core/clock';
import type { CrashPoint } from '../core/crashPoints';
import { EsHost } from '../core/eventsourcing/esHost';
import type { EsSystemSnapshot } from '../core/eventsourcing/esInvariants';
import { ES_PACES, type EsPace } from '../core/eventsourcing/esPace';
import type { EsFact, EsProcess, EsStoreName } from '../core/eventsourcing/esTypes';
import { CHECKPOINTS, checkpointOf } from '../core/eventsourcing/projection';
import { PROJECTION_SOURCES } from '../core/eventsourcing/projectionSources';
import { QueryHost } from '../core/eventsourcing/queryHost';

const dexie = { indexedDB, IDBKeyRange };
let runs = 0;

export interface EsHarness {
  runId: string;
  facts: EsFact[];
  crashes: { process: EsProcess; point: CrashPoint | 'manual' }[];
  store(name: EsStoreName): EsHost;
  query(): QueryHost;
  /** Starts (or, after a crash, restarts) a store on its database. */
  startStore(name: EsStoreName, snapshotEvery?: number): Promise<EsHost>;
  /** The query service; without its polling loop (`loop: false`, the default) tests call projectOnce / catchUp themselves. */
  startQuery(options?: { checkpointApart?: boolean; loop?: boolean }): Promise<QueryHost>;
  /** Kills a process where it stands, as terminating its worker would: its databases close, its calls fail. */
  kill(process: EsProcess): void;
  /** One batch per projection, by the projector startQuery chose; returns how many events were applied. */
  projectOnce(): Promise<number>;
  /** Projects until nothing is left; returns how many events were applied. */
  catchUp(): Promise<number>;
  /** What the invariant checker would read now. */
  snapshot(): Promise<EsSystemSnapshot>;
  close(): void;
}

export interface EsHarnessOptions {
  /** A crashed process's databases close at once, as its worker's would: its other calls in flight fail too. */
  closeOnCrash?: boolean;
  /** A deterministic run: every host reads this clock, which the scheduler's steps set. */
  stepped?: SteppedClock;
  /** How the query service tails the stores (fast unless a run says otherwise, as its scenario's pace does). */
  pace?: EsPace;
  /** Hears each fact as a process reports it (they are kept in `facts` too). */
  onFact?: (fact: EsFact) => void;
  /** Hears each death: at a crash point, or by `kill` ('manual'). */
  onCrash?: (process: EsProcess, point: CrashPoint | 'manual') => void;
}

export function createEsHarness(options: EsHarnessOptions = {}): EsHarness {
  const { closeOnCrash = false, stepped, pace = ES_PACES.fast, onFact, onCrash } = options;
  const runId = `estest${++runs}-${Date.now().toString(36)}`;
  const facts: EsFact[] = [];
  const crashes: EsHarness['crashes'] = [];
  const stores = new Map<EsStoreName, EsHost>();
  let query: QueryHost | null = null;
  let checkpointApart = false;
  const emit = (fact: EsFact) => {
    facts.push(fact);
    onFact?.(fact);
  };
  const died = (process: EsProcess, point: CrashPoint | 'manual') => {
    crashes.push({ process, point });
    onCrash?.(process, point);
  };

  const harness: EsHarness = {
    runId,
    facts,
    crashes,
    store: (name) => stores.get(name)!,
    query: () => query!,
    async startStore(name, snapshotEvery = 0) {
      stores.get(name)?.db.close();
      const die = (point: CrashPoint) => {
        if (closeOnCrash) host.db.close();
        died(name, point);
      };
      const host = new EsHost({
        runId,
        store: name,
        dexie,
        now: () => (stepped ?? systemClock).now(),
        timer: () => performance.now(),
        snapshotEvery,
        emit,
        die,
        stepped,
      });
      stores.set(name, host);
      await host.start();
      return host;
    },
    async startQuery(options = {}) {
      query?.close();
      checkpointApart = options.checkpointApart ?? false;
      const die = (point: CrashPoint) => {
        if (closeOnCrash) started.close();
        died('query', point);
      };
      const clock = stepped ?? systemClock;
      const started = new QueryHost({ runId, dexie, clock, pace, emit, die, stepped });
      query = started;
      await started.start({ loop: options.loop ?? false });
      return started;
    },
    kill(process) {
      const host = process === 'query' ? query : stores.get(process);
      if (!host || host.crash.dead) return;
      host.crash.dead = true;
      if (host instanceof QueryHost) host.close();
      else host.db.close();
      died(process, 'manual');
    },
    async projectOnce() {
      return checkpointApart ? projectCheckpointApart(query!, pace) : (await query!.projectOnce()).applied;
    },
    async catchUp() {
      let total = 0;
      for (let applied = await harness.projectOnce(); applied > 0; applied = await harness.projectOnce())
        total += applied;
      return total;
    },
    async snapshot() {
      const audits = await Promise.all([...stores.values()].map((s) => s.audit()));
      const readModels = query
        ? {
            orderSummaries: await query.readModel('orderSummaries'),
            balances: await query.readModel('balances'),
          }
        : undefined;
      return { stores: audits, readModels };
    },
    close() {
      for (const s of stores.values()) s.db.close();
      query?.close();
    },
  };
  return harness;
}

/**
 * The broken projector of the chaos suite's `es-checkpoint-apart` variant (never the product's): it applies a
 * batch in one transaction and moves the checkpoint in another, so a crash between the two leaves the batch
 * applied but unrecorded, and the restarted service applies it a second time.
 */
async function projectCheckpointApart(query: QueryHost, pace: EsPace): Promise<number> {
  query.crash.assertAlive();
  let applied = 0;
  for (const { store, projection } of PROJECTION_SOURCES) {
    const events = await query.stores[store].readAll(
      await checkpointOf(query.db, projection.name),
      pace.batch,
    );
    if (!events.length) continue;
    await query.db.transaction('rw', projection.tables, async () => {
      for (const event of events) await projection.apply((name) => query.db.table(name), event);
    });
    query.crash.at('projection-before-checkpoint-commit');
    await query.db
      .table(CHECKPOINTS)
      .put({ name: projection.name, position: events[events.length - 1].position! });
    applied += events.length;
  }
  return applied;
}
