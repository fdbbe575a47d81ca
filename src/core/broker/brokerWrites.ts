// The broker's write loop: one IndexedDB transaction at a time for the log
// and the committed offsets. Whatever arrives while a write is under way —
// publishes, acks — waits and joins the next one, and a log append takes the
// pending offsets into its own transaction (batches + topics + offsets: one
// stored batch per partition the append touches, see logStore.ts); in a
// live run, offsets with no append to ride wait a moment for one, so an ack
// mostly costs no transaction of its own, and publishes of a steady stream
// linger for company (companyWait.ts), so several services' publishes share
// an append. Steady is judged per publisher: at 10 orders/s four services
// publish 40 times a second between them, yet each publishes seldom, and
// nothing waits. A publish resolves, and an offset counts as stored, only once
// the transaction that wrote it committed.

import type { Table } from 'dexie';
import type { BrokerDb } from './brokerDb';
import { appendRows } from './logStore';
import type { LogWriter } from './logWriter';
import type { OffsetStore } from './offsetStore';
import { CompanyWait } from '../companyWait';

export interface BrokerWritesDeps {
  db: BrokerDb;
  /** Both call `kick` when something of theirs waits. */
  log: LogWriter;
  offsets: OffsetStore;
  stopped: () => boolean;
  /**
   * A live run's timer: offsets alone then wait OFFSET_LINGER_MS for a log append to ride with before
   * they get a transaction of their own. Without one (a deterministic run) they are written at once.
   */
  linger?: (ms: number, fn: () => void) => void;
  /** The live run's clock, for publishes that come often to linger for company (companyWait.ts). */
  now?: () => number;
}

/**
 * How long pending offsets wait for a log append in a live run. An ack comes with the consumer's commit,
 * and the publish that commit set off (its outbox row) a moment behind it — later still now that consumers
 * wait for company (companyWait.ts): at 50 orders/s in Node, 5 ms took offset-only transactions from about 6
 * an order to 1.4, 20 ms to under 0.1. An ack's durability is late by at most that (nobody waits on it in a
 * live run; a crash in between only delivers the record again).
 */
export const OFFSET_LINGER_MS = 20;

/**
 * A publisher's publishes averaging under this apart linger for company. Looser than a service's own
 * OFTEN_MS, as a relay downstream of a consumer that lingered publishes once per linger: at 50 orders/s
 * about every 80 ms; at 10 orders/s every 100 ms, and nothing waits.
 */
export const PUBLISHER_OFTEN_MS = 80;

export class BrokerWrites {
  private writing = false;
  private lingering = false;
  /** Per publisher (an event's source), how often its publishes come. */
  private readonly companies = new Map<string, CompanyWait>();

  constructor(private readonly deps: BrokerWritesDeps) {}

  /** A publish of `publisher`'s is waiting: one of its steady stream lingers for company, to share an append. */
  published(publisher: string): void {
    const { now } = this.deps;
    if (now) {
      let company = this.companies.get(publisher);
      if (!company) this.companies.set(publisher, (company = new CompanyWait(PUBLISHER_OFTEN_MS)));
      company.arrived(now());
    }
    this.kick();
  }

  /** How long the waiting publishes linger still: the longest any of their publishers asks. */
  private lingerMs(now: number): number {
    let ms = 0;
    for (const company of this.companies.values())
      if (company.waiting) ms = Math.max(ms, company.waitMs(now));
    return ms;
  }

  /** Writes not yet durable: publishes and offsets waiting, and a transaction under way. */
  get owed(): number {
    return this.deps.log.owed + this.deps.offsets.owed + (this.writing ? 1 : 0);
  }

  /** Something is waiting: runs the loop unless it already runs (it then takes the newcomer next turn). */
  kick(): void {
    if (this.writing) return;
    const { linger, log, now } = this.deps;
    if (!linger) return void this.run();
    const ms = !log.owed ? OFFSET_LINGER_MS : now ? this.lingerMs(now()) : 0;
    if (ms === 0) return void this.run();
    if (this.lingering) return;
    this.lingering = true;
    linger(ms, () => {
      this.lingering = false;
      void this.run();
    });
  }

  private async run(): Promise<void> {
    const { log, offsets, linger, stopped } = this.deps;
    if (this.writing || stopped() || !(log.owed || offsets.owed)) return;
    this.writing = true;
    let failed: boolean;
    try {
      // The first turn takes whatever waits. After it, publishes go at once; offsets alone (acks, or a
      // group passing records it skips, that came during the write) wait for the linger as any would.
      do failed = !(await this.turn(log, offsets));
      while (!failed && !stopped() && (log.owed || (offsets.owed && !linger)));
    } finally {
      this.writing = false;
    }
    // After a failure the next ack or publish tries again: no retrying against a database that refuses.
    if (!failed && offsets.owed) this.kick();
  }

  /**
   * One transaction: every queued publish and every pending offset. Returns false if it failed: what it
   * held is told so (the offsets wait for the next write), and the loop waits for new work rather than
   * spin on a database that refuses.
   */
  private async turn(log: LogWriter, offsets: OffsetStore): Promise<boolean> {
    const { db } = this.deps;
    const append = log.take();
    if (append) for (const company of this.companies.values()) company.taken();
    const offsetBatch = offsets.take();
    const offsetRows = offsets.rows(offsetBatch);
    const tables: Table[] = append ? [db.batches, db.topics] : [];
    if (offsetRows.length) tables.push(db.offsets);
    try {
      await db.transaction('rw', tables, async () => {
        if (append?.newTopics.length) await db.topics.bulkPut(append.newTopics);
        if (append) await appendRows(db, append.rows);
        if (offsetRows.length) await db.offsets.bulkPut(offsetRows);
      });
    } catch (error) {
      // A stopped broker's writes end with its database: nobody is left to tell.
      if (this.deps.stopped()) return false;
      append?.failed(error);
      offsets.failed(offsetBatch, error);
      return false;
    }
    // Offsets first: whatever the append sets off (deliveries, retention's floor) already sees them stored.
    offsets.durable(offsetBatch);
    append?.durable();
    return true;
  }
}
