// The query service of the CDC run: consumes `listings.listings` as consumer
// group `query`, applies each delivered batch of change events to its search
// read model in one transaction, and only then acknowledges it. A crash in
// between (consumer-after-commit-before-ack) redelivers the batch; the
// sequence guard in searchProjection.ts makes that harmless, and the history's
// own check (listingHistory.ts) keeps its streams single. Host-agnostic.

import type { CdcHostDeps } from './hostDeps';
import type { Dexie } from 'dexie';
import type { BrokerPort, Delivery } from '../../broker/brokerPort';
import { CrashSwitch, isCrash } from '../../crash';
import type { CrashPoint } from '../../crashPoints';
import type { ListingRow, SearchDocRow, SearchStats } from '../cdcTypes';
import type { CdcStep } from './cdcSteps';
import type { ChangeEvent } from '../changeEvent';
import { readHistory, type ListingEventRow } from './listingHistory';
import { LISTINGS_TOPIC } from './listingsDb';
import {
  applyChanges,
  openSearchDb,
  readCounts,
  readDocs,
  readTombstones,
  searchDocs,
  type TombstoneRow,
} from './searchProjection';

export const QUERY_GROUP = 'query';

export interface SearchHostDeps extends CdcHostDeps {
  /** A batch could not be applied (it is nacked, so the broker delivers it again). */
  onError?: (error: unknown) => void;
  /** The query service's port to the broker; the host owns it from here (close() closes it). */
  broker: BrokerPort;
  /** The history skips a change its listing's stream has already reached (default); false: it appends it again. */
  dedupHistory?: boolean;
}

export class SearchHost {
  readonly db: Dexie;
  readonly crash: CrashSwitch;
  readonly broker: BrokerPort;
  /** Deliveries received and not yet committed and acknowledged. */
  busy = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Per partition, the offset expected next; a delivery past it is pipelining the broker took back with a nack. */
  private readonly expected = new Map<number, number>();

  constructor(private readonly deps: SearchHostDeps) {
    this.crash = new CrashSwitch((point) => deps.die(point));
    this.db = openSearchDb(deps.runId, deps.dexie, (changes) =>
      deps.emit({ kind: 'commit', service: 'query', changes }),
    );
    this.broker = deps.broker;
  }

  /** `consume: false` opens the database only; `consume()` joins the group later (once planned crashes are armed). */
  async start({ consume = true } = {}): Promise<void> {
    await this.db.open();
    if (consume) await this.consume();
  }

  consume(): Promise<void> {
    return this.broker.subscribe(QUERY_GROUP, [LISTINGS_TOPIC], (delivery) => this.enqueue(delivery));
  }

  /**
   * Deterministic runs: one granted delivery at simulation time `at` — up to `max` records of one partition,
   * fetched, applied and acknowledged (twice if a duplicate fault says so). Returns what happened, for the trace.
   */
  async step(step: CdcStep, at: number): Promise<string> {
    this.deps.stepped?.set(at);
    if (step.kind !== 'consume') throw new Error(`query cannot ${step.kind}`);
    this.crash.assertAlive();
    const { topic, partition } = step;
    const batch = await this.broker.fetch(QUERY_GROUP, topic, partition, step.max);
    if (batch.heldBack) return 'held back by a delay fault';
    if (!batch.records.length) return 'nothing to fetch';
    const delivery = { group: QUERY_GROUP, topic, partition, records: batch.records };
    await this.process(delivery);
    if (batch.duplicate) await this.process(delivery);
    const offsets = `${batch.records[0].offset}..${batch.records[batch.records.length - 1].offset}`;
    return `applied ${topic}#${partition} ${offsets}${batch.duplicate ? ' twice' : ''}`;
  }

  close(): void {
    this.broker.close();
    this.db.close();
  }

  docs(): Promise<SearchDocRow[]> {
    return readDocs(this.db);
  }

  /** The listings' event store: every stream's events. */
  history(): Promise<ListingEventRow[]> {
    return readHistory(this.db);
  }

  tombstones(): Promise<TombstoneRow[]> {
    return readTombstones(this.db);
  }

  search(text: string, city?: string): Promise<string[]> {
    return searchDocs(this.db, text, city);
  }

  async stats(): Promise<SearchStats> {
    return { ...(await readCounts(this.db)), busy: this.busy };
  }

  arm(point: CrashPoint, nth?: number): void {
    this.crash.arm(point, nth);
  }

  disarm(): void {
    this.crash.disarm();
  }

  private enqueue(delivery: Delivery): void {
    this.busy++;
    this.queue = this.queue
      .then(() => this.process(delivery))
      .catch((error) => {
        if (!isCrash(error) && !this.crash.dead) this.deps.onError?.(error);
      })
      .finally(() => this.busy--);
  }

  private async process(delivery: Delivery): Promise<void> {
    const { records, partition, topic } = delivery;
    if (this.crash.dead || !records.length) return;
    const expected = this.expected.get(partition);
    if (expected !== undefined && records[0].offset > expected) return;
    // A deterministic run's steps are paced by its scheduler, not here.
    if (this.deps.pace.applyDelayMs && !this.deps.stepped)
      await this.deps.clock.sleep(this.deps.pace.applyDelayMs);
    this.crash.assertAlive();
    const events = records.map((r) => r.event.data as ChangeEvent<ListingRow>);
    let counts;
    try {
      counts = await applyChanges(this.db, events, { dedupHistory: this.deps.dedupHistory ?? true });
    } catch (error) {
      if (isCrash(error) || this.crash.dead) throw error;
      this.expected.set(partition, records[0].offset);
      await this.broker.nack(
        QUERY_GROUP,
        topic,
        partition,
        records[0].offset,
        String((error as Error)?.message ?? error),
      );
      throw error;
    }
    this.deps.emit({ kind: 'cdc-applied', service: 'query', topic, ...counts });
    this.crash.at('consumer-after-commit-before-ack');
    const last = records[records.length - 1].offset;
    await this.broker.ack(QUERY_GROUP, topic, partition, last);
    this.expected.set(partition, last + 1);
  }
}
