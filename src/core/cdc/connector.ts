// The change-data-capture connector, host-agnostic: it tails the `changes`
// tables of one or more services from its own stored position, routes each
// change and publishes it, and stores the new position only after the publish
// is acknowledged. A crash in between publishes the batch again on restart —
// at-least-once, counted as duplicates. It never writes to a source database;
// storage, publishing and time are passed in.

import type { Dexie } from 'dexie';
import { Waker, type Clock } from '../clock';
import { isCrash } from '../crash';
import { toChangeRecord, type ChangeRecord } from './changeEvent';
import { readChanges } from './changeLogDb';
import type { ConnectorPosition, PositionStore } from './positionStore';
import { routeChange, type CdcMessage, type Routed } from './router';
import { readSnapshot } from './snapshot';

export interface ConnectorSource {
  service: string;
  db: Dexie;
  /** The captured tables: what an initial snapshot reads. */
  tables: readonly string[];
}

export interface PublishedBatch {
  service: string;
  messages: CdcMessage[];
  /** The log position this batch is consistent with: its last change's sequence, or for snapshot rows the snapshot's. */
  seq: number;
  /** Rows of an initial snapshot (op 'r'), not changes from the log. */
  snapshot: boolean;
  /** How many of these messages a restart is sending again (their position had not been stored). */
  duplicates: number;
}

export interface ConnectorDeps {
  sources: readonly ConnectorSource[];
  /** Resolves once the broker has durably acknowledged every message. */
  publish: (messages: CdcMessage[]) => Promise<void>;
  positions: PositionStore;
  now: () => number;
  batchSize?: number;
  /** 'initial' (Debezium's default): a source without a position is snapshotted first; 'never' follows its log from the start. */
  snapshot?: 'initial' | 'never';
  route?: (record: ChangeRecord) => Routed;
  onWarning?: (warning: string) => void;
  /** Crash hook: runs after a batch is acknowledged and before its position is stored. */
  afterPublish?: (batch: PublishedBatch) => void | Promise<void>;
  /** Runs after a position is stored: a host reports where the connector stands. */
  afterPosition?: (service: string, position: ConnectorPosition) => void;
}

export interface ConnectorStats {
  /** Messages handed to publish and acknowledged, duplicates included. */
  published: number;
  /** Of those, how many a restart republished because their position had not been stored. */
  duplicates: number;
  snapshotRows: number;
  warnings: number;
}

const DEFAULT_BATCH_SIZE = 50;

export class CdcConnector {
  readonly stats: ConnectorStats = { published: 0, duplicates: 0, snapshotRows: 0, warnings: 0 };
  private readonly positions = new Map<string, ConnectorPosition>();
  private readonly waker = new Waker();
  private stopped = false;

  constructor(private readonly deps: ConnectorDeps) {}

  /** Loads each source's position, snapshotting the sources that have none (or an unfinished snapshot). */
  async start(): Promise<void> {
    for (const source of this.deps.sources) {
      const stored = await this.deps.positions.get(source.service);
      const needsSnapshot = !stored || stored.snapshotInFlight !== undefined;
      if (needsSnapshot && this.deps.snapshot !== 'never') await this.takeSnapshot(source, stored);
      else this.positions.set(source.service, stored ?? { seq: 0 });
    }
  }

  /** One batch from each source: returns how many changes were consumed. */
  async poll(): Promise<number> {
    let consumed = 0;
    for (const source of this.deps.sources) consumed += await this.pollSource(source);
    return consumed;
  }

  /** Polls until every log is caught up. */
  async drain(): Promise<number> {
    let total = 0;
    for (let consumed = await this.poll(); consumed > 0; consumed = await this.poll()) total += consumed;
    return total;
  }

  /** Follows the logs until stopped or crashed; a failed publish is retried after `intervalMs`. */
  async run(clock: Clock, intervalMs: number, onError: (error: unknown) => void = () => {}): Promise<void> {
    try {
      await this.start();
      while (!this.stopped) {
        let consumed = 0;
        try {
          consumed = await this.poll();
        } catch (error) {
          if (isCrash(error)) throw error;
          onError(error); // the position did not move: the same batch is tried again
        }
        if (consumed === 0) await this.waker.wait(clock, intervalMs);
      }
    } catch (error) {
      // Stopped under a pending read (its database closed, say) is an end, not a fault.
      if (!isCrash(error) && !this.stopped) throw error;
    }
  }

  /** A source committed: poll now rather than at the end of the interval. */
  wake(): void {
    this.waker.wake();
  }

  stop(): void {
    this.stopped = true;
    this.waker.wake();
  }

  position(service: string): ConnectorPosition | undefined {
    return this.positions.get(service);
  }

  private async pollSource(source: ConnectorSource): Promise<number> {
    const position = this.positions.get(source.service);
    if (!position) throw new Error(`CdcConnector: start() before polling '${source.service}'`);
    const rows = await readChanges(source.db, position.seq, this.deps.batchSize ?? DEFAULT_BATCH_SIZE);
    if (!rows.length) return 0;
    const seq = rows[rows.length - 1].seq!;
    const inFlight = position.inFlight ?? 0;
    const republished = rows.filter((row) => row.seq! <= inFlight).length;
    const messages = this.routeAll(rows.map(toChangeRecord));
    // The intent is stored first, so a restart knows which changes it may be sending twice.
    await this.deps.positions.put(source.service, { seq: position.seq, inFlight: Math.max(seq, inFlight) });
    await this.publish({ service: source.service, messages, seq, snapshot: false, duplicates: republished });
    const next: ConnectorPosition = inFlight > seq ? { seq, inFlight } : { seq };
    await this.storePosition(source.service, next);
    this.stats.duplicates += republished;
    return rows.length;
  }

  private async takeSnapshot(source: ConnectorSource, stored: ConnectorPosition | undefined): Promise<void> {
    const snapshot = await readSnapshot(source.db, source.service, source.tables, this.deps.now());
    // A snapshot cut short by a crash starts over, as Debezium's does; the rows it had sent count as duplicates.
    const sentBefore = stored?.snapshotInFlight ?? 0;
    const batchSize = this.deps.batchSize ?? DEFAULT_BATCH_SIZE;
    // The log is followed from the cut-short snapshot's position, not the new one: a row the first attempt
    // sent and that was deleted since is absent from the new snapshot, and only its delete in the log tells
    // consumers. Changes the new snapshot already covers arrive again; consumers skip them by sequence.
    const followFrom =
      stored?.snapshotInFlight !== undefined ? Math.min(stored.seq, snapshot.seq) : snapshot.seq;
    for (let start = 0; start < snapshot.records.length; start += batchSize) {
      const records = snapshot.records.slice(start, start + batchSize);
      const handed = start + records.length;
      const duplicates = Math.max(0, Math.min(handed, sentBefore) - start);
      await this.deps.positions.put(source.service, {
        seq: followFrom,
        snapshotInFlight: Math.max(handed, sentBefore),
      });
      const messages = this.routeAll(records);
      await this.publish({
        service: source.service,
        messages,
        seq: snapshot.seq,
        snapshot: true,
        duplicates,
      });
      this.stats.snapshotRows += records.length;
      this.stats.duplicates += duplicates;
    }
    await this.storePosition(source.service, { seq: followFrom });
  }

  private async storePosition(service: string, position: ConnectorPosition): Promise<void> {
    await this.deps.positions.put(service, position);
    this.positions.set(service, position);
    this.deps.afterPosition?.(service, position);
  }

  private async publish(batch: PublishedBatch): Promise<void> {
    if (batch.messages.length) await this.deps.publish(batch.messages);
    this.stats.published += batch.messages.length;
    await this.deps.afterPublish?.(batch);
  }

  private routeAll(records: ChangeRecord[]): CdcMessage[] {
    const route = this.deps.route ?? routeChange;
    const messages: CdcMessage[] = [];
    for (const record of records) {
      const routed = route(record);
      if (routed.kind === 'message') messages.push(routed.message);
      else if (routed.kind === 'warning') {
        this.stats.warnings++;
        this.deps.onWarning?.(routed.warning);
      }
    }
    return messages;
  }
}
