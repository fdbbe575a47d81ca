// The polling outbox relay: reads unpublished outbox rows in insertion order,
// publishes them, waits for the broker's durable acknowledgement, then marks
// them published. A crash between publish and mark publishes them again on
// restart — at-least-once; the consumers' inbox makes that harmless.

import type { Dexie } from 'dexie';
import type { Clock } from '../clock';
import { Waker } from '../clock';
import { makeEvent } from '../envelope';
import type { OutboxRow } from '../rows';
import type { CrashSwitch } from '../crash';
import { isCrash } from '../crash';
import type { BrokerClient } from '../broker/brokerClient';
import type { OutgoingMessage } from '../broker/wire';
import { topicOf, type ServiceConfig } from './definition';

export interface RelayDeps {
  service: string;
  db: Dexie;
  broker: BrokerClient;
  clock: Clock;
  crash: CrashSwitch;
  config: () => ServiceConfig;
  /** Simulation speed: the teaching pauses shrink as it rises, so the whole run speeds up together. */
  speed: () => number;
  onPublished: (rows: OutboxRow[]) => void;
}

export function toMessage(service: string, row: OutboxRow): OutgoingMessage {
  return {
    topic: topicOf(row.aggregatetype),
    event: makeEvent({
      id: row.id,
      source: `/services/${service}`,
      type: row.type,
      subject: row.aggregateid,
      time: new Date(row.created_at).toISOString(),
      data: row.payload,
      correlationid: row.correlationid,
      causationid: row.causationid,
    }),
  };
}

export class OutboxRelay {
  /** Every row at or below this seq is known to be published. */
  watermark = 0;
  publishing = false;
  private readonly waker = new Waker();
  private paused = false;
  private stopped = false;

  constructor(private readonly deps: RelayDeps) {}

  wake(): void {
    if (this.deps.config().relay.wakeOnCommit) this.waker.wake();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    if (!paused) this.waker.wake();
  }

  stop(): void {
    this.stopped = true;
    this.waker.wake();
  }

  unpublished(): Promise<number> {
    return this.pending().count();
  }

  async run(): Promise<void> {
    try {
      while (!this.stopped && !this.deps.crash.dead) {
        const { intervalMs, wakeOnCommit } = this.deps.config().relay;
        const published = this.paused ? 0 : await this.tick();
        // Woken on commit, the relay runs again at once while there is work;
        // polling, it always waits out its interval.
        if (published === 0 || !wakeOnCommit) await this.waker.wait(this.deps.clock, intervalMs / this.deps.speed());
      }
    } catch (error) {
      if (!isCrash(error)) throw error;
    }
  }

  /** One poll: returns how many rows it published. */
  async tick(): Promise<number> {
    const { db, broker, clock, crash, config } = this.deps;
    const rows = await this.pending().limit(config().relay.batchSize).toArray();
    if (!rows.length) return 0;
    this.publishing = true;
    try {
      crash.assertAlive();
      await broker.publish(rows.map((row) => toMessage(this.deps.service, row)));
    } catch (error) {
      if (isCrash(error)) throw error;
      return 0; // broker unavailable: the rows stay in the outbox for the next poll
    } finally {
      this.publishing = false;
    }
    crash.at('relay-after-publish-before-mark');
    const at = clock.now();
    await db.table('outbox').bulkUpdate(rows.map((row) => ({ key: row.seq!, changes: { published_at: at } })));
    this.watermark = rows[rows.length - 1].seq!;
    this.deps.onPublished(rows);
    return rows.length;
  }

  private pending() {
    return this.deps.db
      .table<OutboxRow, number>('outbox')
      .where('seq')
      .above(this.watermark)
      .filter((row) => row.published_at === null);
  }
}
