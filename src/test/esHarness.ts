// Runs an event-sourced run's processes in-process on fake-indexeddb: the
// same EsHost and QueryHost the workers build, each "killed" by its crash
// switch and "restarted" as a new host on the same databases.

import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { systemClock } from '../core/clock';
import type { CrashPoint } from '../core/crashPoints';
import { EsHost } from '../core/eventsourcing/esHost';
import type { EsSystemSnapshot } from '../core/eventsourcing/esInvariants';
import { ES_PACES } from '../core/eventsourcing/esPace';
import type { EsFact, EsStoreName } from '../core/eventsourcing/esTypes';
import { QueryHost } from '../core/eventsourcing/queryHost';

const dexie = { indexedDB, IDBKeyRange };
let runs = 0;

export interface EsHarness {
  runId: string;
  facts: EsFact[];
  crashes: { process: string; point: CrashPoint }[];
  store(name: EsStoreName): EsHost;
  query(): QueryHost;
  /** Starts (or, after a crash, restarts) a store on its database. */
  startStore(name: EsStoreName, snapshotEvery?: number): Promise<EsHost>;
  /** The query service without its polling loop: tests call projectOnce / catchUp themselves. */
  startQuery(): Promise<QueryHost>;
  /** Projects until nothing is left; returns how many events were applied. */
  catchUp(): Promise<number>;
  /** What the invariant checker would read now. */
  snapshot(): Promise<EsSystemSnapshot>;
  close(): void;
}

export function createEsHarness(): EsHarness {
  const runId = `estest${++runs}-${Date.now().toString(36)}`;
  const facts: EsFact[] = [];
  const crashes: { process: string; point: CrashPoint }[] = [];
  const stores = new Map<EsStoreName, EsHost>();
  let query: QueryHost | null = null;
  const emit = (fact: EsFact) => void facts.push(fact);

  const harness: EsHarness = {
    runId,
    facts,
    crashes,
    store: (name) => stores.get(name)!,
    query: () => query!,
    async startStore(name, snapshotEvery = 0) {
      stores.get(name)?.db.close();
      const host = new EsHost({ runId, store: name, dexie, now: () => Date.now(), timer: () => performance.now(), snapshotEvery, emit, die: (point) => void crashes.push({ process: name, point }) });
      stores.set(name, host);
      await host.start();
      return host;
    },
    async startQuery() {
      query?.close();
      query = new QueryHost({ runId, dexie, clock: systemClock, pace: ES_PACES.fast, emit, die: (point) => void crashes.push({ process: 'query', point }) });
      await query.start({ loop: false });
      return query;
    },
    async catchUp() {
      let total = 0;
      for (let round = await query!.projectOnce(); round.applied > 0; round = await query!.projectOnce()) total += round.applied;
      return total;
    },
    async snapshot() {
      const audits = await Promise.all([...stores.values()].map((s) => s.audit()));
      const readModels = query ? { orderSummaries: await query.readModel('orderSummaries'), balances: await query.readModel('balances') } : undefined;
      return { stores: audits, readModels };
    },
    close() {
      for (const s of stores.values()) s.db.close();
      query?.close();
    },
  };
  return harness;
}
