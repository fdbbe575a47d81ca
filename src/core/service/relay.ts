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
import { CommittedRows } from './committedRows';
import { DeferredRecord } from './deferredRecord';
import type { CarriedRecord } from './outboxRetention';

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
  /**
   * The host hands the relay every committed outbox insert (`handed`): a relay woken on commit then
   * publishes them without reading them back (CommittedRows). Off in a deterministic run, whose steps
   * read the outbox as a poll would.
   */
  handsCommits?: boolean;
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
  /** A transaction committed these changes (the host's commit capture). */
  handed?(changes: Change[]): void;
  /** Inside a business transaction: writes the relay's owed record there (DeferredRecord), if any. */
  carry?(): Promise<CarriedRecord | null>;
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
  private readonly committed: CommittedRows;
  private readonly deferred: DeferredRecord;

  constructor(private readonly deps: RelayDeps) {
    super(deps);
    this.ledger = new OutboxLedger(deps.db);
    this.committed = new CommittedRows(deps.clock);
    this.deferred = new DeferredRecord({
      ledger: this.ledger,
      clock: deps.clock,
      retentionMs: () => deps.config().retention?.publishedOutboxMs,
      alive: () => !this.stopped && !deps.crash.dead,
      recorded: (rows) => {
        this.meter.marked(rows.length);
        this.deps.onTick?.();
      },
    });
  }

  carry(): Promise<CarriedRecord | null> {
    return this.deferred.carry();
  }

  handed(changes: Change[]): void {
    if (this.followsCommits() && this.committed.handed(changes)) super.wake();
  }

  /**
   * Only a live relay woken on commit is told what committed and lets its record ride the next business
   * transaction; a polling one reads the outbox and records each batch, as the pattern has it, and so does
   * every relay of a deterministic run.
   */
  private followsCommits(): boolean {
    return Boolean(this.deps.handsCommits) && this.deps.config().relay.wakeOnCommit;
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
    const { broker, clock, crash, config } = this.deps;
    const rows = await this.unpublishedBatch(config().relay.batchSize);
    this.deps.onTick?.();
    if (!rows.length) return 0;
    this.publishing = true;
    try {
      crash.assertAlive();
      await broker.publish(rows.map((row) => toMessage(this.deps.service, row, config().relay.mode)));
    } catch (error) {
      this.committed.lost();
      if (isCrash(error)) throw error;
      return 0; // broker unavailable: the rows stay in the outbox for the next poll
    } finally {
      this.publishing = false;
    }
    crash.at('relay-after-publish-before-mark');
    const at = clock.now();
    if (this.followsCommits()) this.deferred.owe(rows, at);
    else {
      await this.ledger.record(rows, at, config().retention?.publishedOutboxMs);
      this.meter.marked(rows.length);
    }
    this.meter.published(
      rows.map((row) => row.created_at),
      at,
    );
    this.deps.onPublished(rows.length, [...new Set(rows.map((row) => row.aggregatetype))]);
    return rows.length;
  }

  /** The next rows above the watermark: handed over by commits when the relay holds them all, else read. */
  private async unpublishedBatch(batchSize: number): Promise<OutboxRow[]> {
    // Published but not yet recorded (DeferredRecord) is not published again. The highest seq published is
    // read after the await: a record that became durable meanwhile has moved the watermark past it anyway.
    const durable = await this.ledger.load();
    const watermark = Math.max(durable, this.deferred.publishedSeq);
    if (this.followsCommits()) {
      const handed = this.committed.after(watermark, batchSize);
      if (handed) {
        this.meter.handed(handed.length);
        return handed;
      }
    }
    const rows = await unpublishedAfter(this.deps.db, watermark, batchSize);
    this.meter.read({ outboxQueries: 1, found: rows.length });
    // A read that found less than a batch saw every row committed before it: what commits hand over from
    // here on is all there is above it.
    if (this.followsCommits()) this.committed.read(rows, rows.length < batchSize, watermark);
    return rows;
  }
}
