// The outbox rows a relay woken on commit already knows: every insert the
// service's commits hand over (its commit capture), and what its last read
// found. Once a read that found less than a batch has seen every row committed
// before it, these are all the unpublished rows there are, and the relay
// publishes them without reading them back: under load that is one outbox read
// transaction per publish saved. It still reads the outbox now and then
// (CHECK_EVERY_MS), so a row that reached the database some other way is never
// left behind, and it forgets everything (reading again) when it holds too many.

import type { Clock } from '../clock';
import type { OutboxRow } from '../rows';
import type { Change } from '../telemetry';

/** How often the relay reads the outbox even though commits tell it everything. */
export const CHECK_EVERY_MS = 1000;
/** More held rows than this (a broker down for long, a paused relay) and the relay reads as it goes instead. */
const MOST_HELD = 2000;

export class CommittedRows {
  /** Unpublished rows in seq order (some may be at or below the watermark: dropped when next asked). */
  private rows: OutboxRow[] = [];
  /** Whether `rows` holds every row above the watermark. */
  private complete = false;
  /**
   * The highest seq held or read. A commit's news may come after a read that already saw its rows (the
   * read ran once the commit was durable, before its complete event was dispatched): it is not held twice.
   */
  private highest = 0;
  private readAt = -Infinity;

  constructor(private readonly clock: Clock) {}

  /** A transaction committed: its outbox inserts (not the relay's own rows going published). Returns whether any came. */
  handed(changes: Change[]): boolean {
    let added = false;
    for (const c of changes)
      if (
        c.op === 'put' &&
        c.table === 'outbox' &&
        c.row.published_at == null &&
        typeof c.row.seq === 'number'
      ) {
        this.rows.push(c.row as unknown as OutboxRow);
        added = true;
      }
    if (this.rows.length > MOST_HELD) this.lost();
    return added;
  }

  /** Up to `limit` rows above `watermark` in seq order, or undefined when a read is owed. */
  after(watermark: number, limit: number): OutboxRow[] | undefined {
    if (!this.complete || this.clock.now() - this.readAt >= CHECK_EVERY_MS) return undefined;
    if (this.rows.length && this.rows[0].seq! <= watermark)
      this.rows = this.rows.filter((r) => r.seq! > watermark);
    return this.rows.slice(0, limit);
  }

  /** What a read of the outbox found; `all`: it found every row above `watermark` (less than a batch). */
  read(found: OutboxRow[], all: boolean, watermark: number): void {
    this.readAt = this.clock.now();
    if (!all) return this.lost();
    // Handed rows the read already saw are the read's; those after it stay, in order.
    const last = found.length ? found[found.length - 1].seq! : watermark;
    this.rows = [...found, ...this.rows.filter((r) => r.seq! > last)];
    this.highest = Math.max(this.highest, last);
    this.complete = true;
  }

  /** Holding too many, or unsure: the next pass reads the outbox. */
  lost(): void {
    this.rows = [];
    this.complete = false;
  }
}
