// A live relay's record of what it published, written a moment late. Under
// load the service commits a business transaction every few milliseconds
// anyway: the watermark rides the next one (UnitDeps.carry) instead of taking a
// transaction of its own, and only if none comes within RECORD_LINGER_MS does
// the relay write it alone. Until it is durable the rows count as unpublished
// (a crash publishes them again, as a crash between publish and record always
// did — the consumers' inbox makes that harmless), while the relay goes on
// publishing after them.

import type { Clock } from '../clock';
import { LINGER_MS } from '../companyWait';
import type { OutboxRow } from '../rows';
import type { CarriedRecord, OutboxLedger } from './outboxRetention';

/**
 * How long an acknowledged batch waits for a business transaction to carry its record: longer than a consumer
 * lingers for company (LINGER_MS), so that under load the next one always comes in time. At 50 orders/s in Node,
 * 50 ms left about half a transaction an order to records written alone (2.93 transactions an order against
 * 2.68–2.73 at 100 ms). The canvas shows the rows published at most this much later.
 */
export const RECORD_LINGER_MS = LINGER_MS + 20;

/** After a record failed alone, how long before it is tried again. */
const RETRY_MS = 1000;

export interface DeferredRecordDeps {
  ledger: OutboxLedger;
  clock: Clock;
  retentionMs: () => number | undefined;
  /** Whether writing is still wanted (the relay stopped, the process died: leave it to the next life). */
  alive: () => boolean;
  /** The rows are durably recorded as published. */
  recorded: (rows: OutboxRow[]) => void;
}

export class DeferredRecord {
  /** Acknowledged rows not yet recorded, in seq order, with when the newest was acknowledged. */
  private owed: OutboxRow[] = [];
  private at = 0;
  /** A record being written (carried, or alone): only one at a time, as the ledger's bookkeeping wants. */
  private writing = false;
  private lingering = false;

  constructor(private readonly deps: DeferredRecordDeps) {}

  /**
   * The highest seq this relay published, recorded or not (0: none yet). It only grows: a relay publishes in
   * seq order, and a reader that saw the durable watermark before a record landed must still skip those rows.
   */
  publishedSeq = 0;

  /** The broker acknowledged `rows` at `at`. */
  owe(rows: OutboxRow[], at: number, waitMs = RECORD_LINGER_MS): void {
    this.owed.push(...rows);
    if (rows.length) this.publishedSeq = Math.max(this.publishedSeq, rows[rows.length - 1].seq!);
    this.at = at;
    if (this.lingering) return;
    this.lingering = true;
    void this.deps.clock.sleep(waitMs).then(() => {
      this.lingering = false;
      void this.alone();
    });
  }

  /** Inside a business transaction over the outbox and meta: writes the owed record there, if any. */
  async carry(): Promise<CarriedRecord | null> {
    if (!this.owed.length || this.writing) return null;
    const rows = [...this.owed];
    this.writing = true;
    let carried: CarriedRecord;
    try {
      carried = await this.deps.ledger.recordWithin(rows, this.at, this.deps.retentionMs());
    } catch (error) {
      this.writing = false;
      throw error;
    }
    return {
      committed: () => {
        carried.committed();
        this.done(rows);
      },
      failed: () => {
        carried.failed();
        this.writing = false;
        // The linger may have passed while this was written: the record must not wait for the next publish.
        this.owe([], this.at);
      },
    };
  }

  /** Nobody carried it in time: one transaction of its own (on failure the next acknowledgement tries again). */
  private async alone(): Promise<void> {
    if (!this.owed.length || this.writing || !this.deps.alive()) return;
    const rows = [...this.owed];
    this.writing = true;
    try {
      await this.deps.ledger.record(rows, this.at, this.deps.retentionMs());
    } catch {
      // A database that refuses is tried again now and then, not in a tight loop.
      this.writing = false;
      if (this.deps.alive()) this.owe([], this.at, RETRY_MS);
      return;
    }
    this.done(rows);
  }

  private done(rows: OutboxRow[]): void {
    this.writing = false;
    // What was acknowledged while it was written waits for the next record.
    this.owed = this.owed.slice(rows.length);
    this.deps.recorded(rows);
    if (this.owed.length) this.owe([], this.at);
  }
}
