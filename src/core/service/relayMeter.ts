// What a relay costs and how quickly it delivers, for the side-by-side of the
// polling and log-tailing relays: how often it read the service's database
// (queries on the outbox table, reads of the change log), how many of those
// found nothing, what it wrote back, and publish latency (commit → broker ack).

import type { RelayMode } from '../scenario/scenario';

export interface RelayStats {
  mode: RelayMode;
  /** Queries on the outbox table (the polling relay's way of finding work). */
  outboxQueries: number;
  /** Reads of the change log (the log-tailing relay's way). */
  logReads: number;
  /** Reads that found nothing to publish. */
  emptyReads: number;
  /**
   * Outbox rows recorded as published: the polling relay's watermark covers them (one meta write per batch,
   * never a write to the row); the log-tailing relay's position says so instead, so it counts none.
   */
  rowsMarked: number;
  /** Rows a polling relay woken on commit took from its service's commits, with no query (CommittedRows). */
  rowsHanded: number;
  published: number;
  /** Median publish latency over the recent window, in ms; null before the first publish. */
  latencyP50Ms: number | null;
  /** Where a log-tailing relay stands in its log (null for polling). */
  position: number | null;
}

/** Latencies kept for the median: recent behaviour, bounded memory. */
const WINDOW = 200;

export class RelayMeter {
  private readonly stats: Omit<RelayStats, 'latencyP50Ms'>;
  private readonly latencies: number[] = [];

  constructor(mode: RelayMode) {
    this.stats = {
      mode,
      outboxQueries: 0,
      logReads: 0,
      emptyReads: 0,
      rowsMarked: 0,
      rowsHanded: 0,
      published: 0,
      position: mode === 'polling' ? null : 0,
    };
  }

  read({
    outboxQueries = 0,
    logReads = 0,
    found,
  }: {
    outboxQueries?: number;
    logReads?: number;
    found: number;
  }): void {
    this.stats.outboxQueries += outboxQueries;
    this.stats.logReads += logReads;
    if (found === 0) this.stats.emptyReads++;
  }

  handed(rows: number): void {
    this.stats.rowsHanded += rows;
  }

  marked(rows: number): void {
    this.stats.rowsMarked += rows;
  }

  /** `committedAt`: when each published row was committed; `ackedAt`: when the broker acknowledged them. */
  published(committedAt: number[], ackedAt: number): void {
    this.stats.published += committedAt.length;
    for (const at of committedAt) this.latencies.push(Math.max(0, ackedAt - at));
    if (this.latencies.length > WINDOW) this.latencies.splice(0, this.latencies.length - WINDOW);
  }

  at(position: number): void {
    this.stats.position = position;
  }

  snapshot(): RelayStats {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const latencyP50Ms = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
    return { ...this.stats, latencyP50Ms };
  }
}
