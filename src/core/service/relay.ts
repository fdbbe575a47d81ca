// The polling outbox relay: reads unpublished outbox rows in insertion order,
// publishes them, waits for the broker's durable acknowledgement, then records
// them published by moving its watermark (one meta row; the rows themselves are
// never written again). A crash between publish and record publishes them again
// on restart — at-least-once; the consumers' inbox makes that harmless.

import type { Dexie } from 'dexie';
import type { Clock } from '../clock';
import { makeEvent } from '../envelope';
import type { OutboxRow } from '../rows';
import type { Change } from '../telemetry';
import type { CrashSwitch } from '../crash';
import { isCrash } from '../crash';
import type { BrokerPort, OutgoingMessage } from '../broker/brokerPort';
import type { ServiceConfig } from './definition';
import { topicOf } from './topics';
import type { RelayMode } from '../scenario/scenario';
import { RelayMeter } from './relayMeter';
import { OutboxLedger, unpublishedAfter } from './outboxRetention';
import { LoopingRelay } from './relayLoop';

export interface RelayDeps {
  service: string;
  db: Dexie;
  broker: BrokerPort;
  clock: Clock;
  crash: CrashSwitch;
  config: () => ServiceConfig;
  /** Simulation speed: the teaching pauses shrink as it rises, so the whole run speeds up together. */
  speed: () => number;
  /** After the broker acknowledged a batch: how many events, of which aggregatetypes. */
  onPublished: (count: number, aggregatetypes: string[]) => void;
  /** Something a relay would not route (a log-tailing relay told of an outbox row being updated). */
  onWarning?: (warning: string) => void;
  /** After every pass, whether or not it found work (the meter's figures changed). */
  onTick?: () => void;
}

/** What the service host asks of either relay. */
export interface OutboxRelayLike {
  readonly meter: RelayMeter;
  /** True while a publish is on its way to the broker. */
  publishing: boolean;
  wake(): void;
  setPaused(paused: boolean): void;
  stop(): void;
  /** Work left: outbox rows (polling) or log changes (log-tailing) not yet published. */
  unpublished(): Promise<number>;
  run(): Promise<void>;
  /** One pass: returns how much it did (0: nothing to do, or the broker refused). */
  tick(): Promise<number>;
  /** What one of the relay's own writes means to a reader of committed changes (see OutboxLedger.describe). */
  describe?(change: Change): Change[] | null;
}

export function toMessage(service: string, row: OutboxRow, mode: RelayMode = 'polling'): OutgoingMessage {
  return {
    topic: topicOf(row.aggregatetype, mode),
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

export class OutboxRelay extends LoopingRelay implements OutboxRelayLike {
  readonly meter = new RelayMeter('polling');
  private readonly ledger: OutboxLedger;

  constructor(private readonly deps: RelayDeps) {
    super(deps);
    this.ledger = new OutboxLedger(deps.db);
  }

  describe(change: Change): Change[] | null {
    return this.ledger.describe(change);
  }

  /** Only a relay set to wake on commit hears of commits; otherwise it polls at its interval. */
  override wake(): void {
    if (this.deps.config().relay.wakeOnCommit) super.wake();
  }

  /** Every row above the watermark: one count of a key range. */
  async unpublished(): Promise<number> {
    const watermark = await this.ledger.load();
    return this.deps.db.table<OutboxRow, number>('outbox').where('seq').above(watermark).count();
  }

  /** Woken on commit, a full batch means more is waiting; polling, it always waits out its interval. */
  protected more(published: number): boolean {
    const { wakeOnCommit, batchSize } = this.deps.config().relay;
    return wakeOnCommit && published > 0 && published >= batchSize;
  }

  /** One poll: returns how many rows it published. */
  async tick(): Promise<number> {
    const { db, broker, clock, crash, config } = this.deps;
    const rows = await unpublishedAfter(db, await this.ledger.load(), config().relay.batchSize);
    this.meter.read({ outboxQueries: 1, found: rows.length });
    this.deps.onTick?.();
    if (!rows.length) return 0;
    this.publishing = true;
    try {
      crash.assertAlive();
      await broker.publish(rows.map((row) => toMessage(this.deps.service, row, config().relay.mode)));
    } catch (error) {
      if (isCrash(error)) throw error;
      return 0; // broker unavailable: the rows stay in the outbox for the next poll
    } finally {
      this.publishing = false;
    }
    crash.at('relay-after-publish-before-mark');
    const at = clock.now();
    await this.ledger.record(rows, at, config().retention?.publishedOutboxMs);
    this.meter.marked(rows.length);
    this.meter.published(
      rows.map((row) => row.created_at),
      at,
    );
    this.deps.onPublished(rows.length, [...new Set(rows.map((row) => row.aggregatetype))]);
    return rows.length;
  }
}
