// The log-tailing outbox relay: Debezium's outbox event router, embedded in
// the service. It never queries or updates the outbox table: it follows the
// database's change log from a position it stores in `meta`, routes each
// outbox insert to `outbox.event.<aggregatetype>` keyed by aggregateid, with
// the outbox id as message id, and stores the new position only after the
// broker acknowledged. A crash in between publishes the batch again on restart
// (the consumers' inbox drops it), exactly like the polling relay's crash
// between publish and mark.

import type { Dexie } from 'dexie';
import { isCrash } from '../crash';
import { CHANGES_TABLE, type ChangeRow } from '../cdc/changeEvent';
import { CdcConnector } from '../cdc/connector';
import type { ConnectorPosition, PositionStore } from '../cdc/positionStore';
import { OUTBOX_TABLE, routeOutboxEvent } from '../cdc/router';
import type { OutboxRelayLike, RelayDeps } from './relay';
import type { OutboxRow } from '../rows';
import { RelayMeter } from './relayMeter';
import { LoopingRelay } from './relayLoop';
import { RELAY_POSITION_KEY } from './serviceDb';
import { aggregateTypeOf } from './topics';

/** Published changes kept in the log for people to look at; older ones are trimmed (log retention). */
export const KEPT_CHANGES = 30;

/** The position store of a service's own relay: one row of its `meta` table. */
function metaPositions(db: Dexie): PositionStore {
  const meta = db.table<{ key: string; value: ConnectorPosition }, string>('meta');
  return {
    get: async () => (await meta.get(RELAY_POSITION_KEY))?.value,
    put: async (_service, position) => void (await meta.put({ key: RELAY_POSITION_KEY, value: position })),
  };
}

/** The longest a busy relay goes between two retention passes. */
const HOUSEKEEP_EVERY_MS = 1000;

export class LogTailingRelay extends LoopingRelay implements OutboxRelayLike {
  readonly meter = new RelayMeter('log-tailing');
  private readonly connector: CdcConnector;
  /** When retention next runs (clock time). */
  private housekeepDue = 0;
  private started: Promise<void> | null = null;

  constructor(private readonly deps: RelayDeps) {
    super(deps);
    const { service, db, broker, clock, crash, config } = deps;
    this.connector = new CdcConnector({
      sources: [{ service, db, tables: [OUTBOX_TABLE] }],
      // The broker's wire carries topic and event; the key is the event's subject, which it partitions by.
      publish: async (messages) =>
        void (await broker.publish(messages.map(({ topic, event }) => ({ topic, event })))),
      positions: metaPositions(db),
      now: () => clock.now(),
      batchSize: config().relay.batchSize,
      // Capture is on from the database's first write, so the whole outbox is in the log: no snapshot needed.
      snapshot: 'never',
      route: routeOutboxEvent,
      onWarning: (warning) => deps.onWarning?.(warning),
      afterPublish: (batch) => {
        const types = batch.messages.map((m) => aggregateTypeOf(m.topic) ?? m.topic);
        this.meter.published(
          batch.messages.map((m) => Date.parse(m.event.time)),
          clock.now(),
        );
        if (types.length) deps.onPublished(types.length, [...new Set(types)]);
        crash.at('relay-after-publish-before-mark');
      },
    });
  }

  /** Changes in the log past the stored position. */
  async unpublished(): Promise<number> {
    await this.start();
    const position = this.connector.position(this.deps.service)?.seq ?? 0;
    return this.deps.db.table<ChangeRow, number>(CHANGES_TABLE).where('seq').above(position).count();
  }

  position(): number {
    return this.connector.position(this.deps.service)?.seq ?? 0;
  }

  /**
   * A commit always wakes it (LoopingRelay.wake): following a log means hearing of each write as it lands
   * (Debezium streams the WAL), so unlike the polling relay it does not wait out a teaching interval. The
   * interval stays as a fallback. The connector starts (reads its stored position) on the first pass.
   */
  protected more(consumed: number): boolean {
    return consumed > 0 && consumed >= this.deps.config().relay.batchSize;
  }

  /** One read of the log: returns how many changes it consumed (published, warned about or skipped). */
  async tick(): Promise<number> {
    await this.start();
    this.publishing = true;
    let consumed: number;
    try {
      this.deps.crash.assertAlive();
      consumed = await this.connector.poll();
    } catch (error) {
      if (isCrash(error)) throw error;
      return 0; // broker unavailable: the position did not move, the same changes are read again next time
    } finally {
      this.publishing = false;
    }
    this.meter.read({ logReads: 1, found: consumed });
    this.meter.at(this.position());
    this.deps.onTick?.();
    if (consumed) await this.housekeep();
    return consumed;
  }

  private start(): Promise<void> {
    this.started ??= this.connector.start();
    return this.started;
  }

  /** Retention of the log and the outbox. A failure here is reported and tried again next time: it must not stop the relaying. */
  private async housekeep(): Promise<void> {
    // Retention is measured in seconds or minutes: a busy relay need not prune after every pass.
    const now = this.deps.clock.now();
    if (now < this.housekeepDue) return;
    this.housekeepDue =
      now + Math.min(HOUSEKEEP_EVERY_MS, (this.deps.config().retention?.publishedOutboxMs ?? 0) / 4);
    try {
      await this.trim();
      await this.pruneOutbox();
    } catch (error) {
      if (isCrash(error)) throw error;
      this.deps.onWarning?.(
        `retention housekeeping failed and is tried again: ${String((error as Error)?.message ?? error)}`,
      );
    }
  }

  /**
   * Outbox retention, the service's housekeeping: delete outbox rows published longer ago than the
   * retention setting. The relay only reads the log, so "published" is "its insert is at or below the
   * position". Each delete is itself a change in the log, which the outbox event router skips.
   */
  private async pruneOutbox(): Promise<void> {
    const retentionMs = this.deps.config().retention?.publishedOutboxMs;
    if (retentionMs === undefined) return;
    const { db, clock } = this.deps;
    const inserts = await db
      .table<ChangeRow, number>(CHANGES_TABLE)
      .where('seq')
      .belowOrEqual(this.position())
      .reverse()
      .filter((c) => c.table === OUTBOX_TABLE && c.op === 'c')
      .first();
    if (!inserts) return;
    const cutoff = clock.now() - retentionMs;
    const outbox = db.table<OutboxRow, number>(OUTBOX_TABLE);
    // Oldest first, stopping at the first row still kept: rows are inserted in time order.
    const old = await outbox
      .where('seq')
      .belowOrEqual(inserts.key as number)
      .until((row) => row.created_at > cutoff)
      .toArray(); // rows, not keys: `until` reads each row
    if (old.length) await outbox.bulkDelete(old.map((row) => row.seq!));
  }

  /** Log retention: drop published changes beyond the newest KEPT_CHANGES (by key, so readers see deletes, not a cleared table). */
  private async trim(): Promise<void> {
    const upTo = this.position() - KEPT_CHANGES;
    if (upTo <= 0) return;
    const log = this.deps.db.table<ChangeRow, number>(CHANGES_TABLE);
    const old = await log.where('seq').belowOrEqual(upTo).primaryKeys();
    if (old.length) await log.bulkDelete(old);
  }
}
