// The CDC connector as a process: tails the listings service's change log
// (opened by name, read only) with a CdcConnector, publishes each change to
// `listings.listings` keyed by primary key, and keeps its position and totals
// in its own database. Its two crash points sit where at-least-once shows:
// after the broker acknowledged a batch and before the position is stored.
// Host-agnostic: storage, wire, clock and how to die are passed in.

import type { CdcHostDeps } from './hostDeps';
import type { Dexie } from 'dexie';
import type { BrokerPort } from '../../broker/brokerPort';
import { CrashSwitch, isCrash } from '../../crash';
import type { CrashPoint } from '../../crashPoints';
import type { ConnectorState } from '../cdcTypes';
import type { CdcStep, ConnectorPending } from './cdcSteps';
import { lastSeq } from '../changeLogDb';
import { CdcConnector, type ConnectorDeps, type PublishedBatch } from '../connector';
import type { PositionStore } from '../positionStore';
import {
  dbPositionStore,
  openConnectorDb,
  readTotals,
  writeTotals,
  type ConnectorTotals,
} from './connectorDb';
import { LISTINGS_SERVICE, LISTINGS_TABLE, openListingsDb } from './listingsDb';

export interface ConnectorHostDeps extends CdcHostDeps {
  /** A poll or publish failed for another reason than a crash; reported once per run of failures, retried at the poll interval. */
  onError?: (error: unknown) => void;
  /** The connector's port to the broker; the host owns it from here (close() closes it). */
  broker: BrokerPort;
  /** Test-only: the chaos suite's broken variant rewires the connector it builds (see src/test/cdcHarness.ts). */
  rewire?: (deps: ConnectorDeps, host: ConnectorHost) => ConnectorDeps;
}

export class ConnectorHost {
  /** The connector's own database: positions and totals. */
  readonly db: Dexie;
  /** The listings service's database, read only: the connector never writes to a source. */
  readonly source: Dexie;
  readonly positions: PositionStore;
  readonly crash: CrashSwitch;
  readonly broker: BrokerPort;
  private totals: ConnectorTotals | null = null;
  private connector: CdcConnector | null = null;
  private stopped = false;
  private failing = false;

  constructor(private readonly deps: ConnectorHostDeps) {
    this.crash = new CrashSwitch((point) => deps.die(point));
    this.db = openConnectorDb(deps.runId, deps.dexie);
    this.source = openListingsDb(deps.runId, deps.dexie, { capture: false });
    this.positions = dbPositionStore(this.db);
    this.broker = deps.broker;
  }

  /** `loop: false` leaves the work to the caller: a test calls connect and drain, a worker calls run once its crashes are armed. */
  async start({ loop = true } = {}): Promise<void> {
    await Promise.all([this.db.open(), this.source.open()]);
    this.totals = await readTotals(this.db);
    if (loop) void this.run();
  }

  stop(): void {
    this.stopped = true;
  }

  close(): void {
    this.stop();
    this.broker.close();
    this.db.close();
    this.source.close();
  }

  /** Loads the stored position, snapshotting first when there is none (or the last snapshot was cut short). */
  async connect(): Promise<void> {
    this.crash.assertAlive();
    const stored = await this.positions.get(LISTINGS_SERVICE);
    const connector = new CdcConnector(this.connectorDeps());
    this.connector = connector;
    await connector.start();
    const position = connector.position(LISTINGS_SERVICE)!;
    if (!stored || stored.snapshotInFlight !== undefined)
      this.deps.emit({
        kind: 'cdc-snapshot',
        service: LISTINGS_SERVICE,
        rows: connector.stats.snapshotRows,
        seq: position.seq,
        done: true,
      });
  }

  /** One batch from the log; how many changes it consumed. */
  poll(): Promise<number> {
    if (!this.connector) throw new Error('connector: connect() before polling');
    this.crash.assertAlive();
    return this.connector.poll();
  }

  /** Polls until the log is caught up. */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.poll(); n > 0; n = await this.poll()) total += n;
    return total;
  }

  /** The live loop: connect (retried while the broker is away), then poll at the pace's interval, until stopped or crashed. */
  async run(): Promise<void> {
    const { clock, pace } = this.deps;
    while (this.alive()) {
      let consumed = 0;
      try {
        if (!this.connector) await this.connect();
        consumed = await this.poll();
        this.failing = false;
      } catch (error) {
        if (isCrash(error) || !this.alive()) return;
        // A cut-short connect starts over: the stored position says how far it got.
        if (this.connector && !this.connector.position(LISTINGS_SERVICE)) this.connector = null;
        if (!this.failing) this.deps.onError?.(error);
        this.failing = true;
      }
      if (consumed < pace.batch) await clock.sleep(pace.pollMs);
    }
  }

  /** Deterministic runs: whether it has connected, and whether the log has changes it has not published. */
  async pending(): Promise<ConnectorPending> {
    const { position, lag } = (await this.state()).sources[0];
    const behind =
      lag > 0 || (position.inFlight ?? 0) > position.seq || position.snapshotInFlight !== undefined;
    return { connected: this.connector?.position(LISTINGS_SERVICE) !== undefined, behind };
  }

  /** Deterministic runs: performs one granted step at simulation time `at`; returns what it did, for the trace. */
  async step(step: CdcStep, at: number): Promise<string> {
    this.deps.stepped?.set(at);
    if (step.kind === 'poll') return `published ${await this.poll()} changes`;
    if (step.kind !== 'connect') throw new Error(`connector cannot ${step.kind}`);
    try {
      await this.connect();
    } catch (error) {
      // A cut-short connect starts over, as in the live loop.
      if (!this.connector?.position(LISTINGS_SERVICE)) this.connector = null;
      throw error;
    }
    return `at ${this.connector!.position(LISTINGS_SERVICE)!.seq}`;
  }

  /** Where the connector stands, as its database says, against the head of the log. */
  async state(): Promise<ConnectorState> {
    const [stored, head] = await Promise.all([this.positions.get(LISTINGS_SERVICE), lastSeq(this.source)]);
    const position = stored ?? { seq: 0 };
    return {
      sources: [{ service: LISTINGS_SERVICE, position, head, lag: Math.max(0, head - position.seq) }],
      ...(this.totals ?? (await readTotals(this.db))),
    };
  }

  arm(point: CrashPoint, nth?: number): void {
    this.crash.arm(point, nth);
  }

  disarm(): void {
    this.crash.disarm();
  }

  private alive(): boolean {
    return !this.stopped && !this.crash.dead;
  }

  private connectorDeps(): ConnectorDeps {
    const deps: ConnectorDeps = {
      sources: [{ service: LISTINGS_SERVICE, db: this.source, tables: [LISTINGS_TABLE] }],
      publish: async (messages) => {
        this.crash.assertAlive();
        await this.broker.publish(messages);
      },
      positions: this.positions,
      now: () => this.deps.clock.now(),
      batchSize: this.deps.pace.batch,
      snapshot: 'initial',
      onWarning: (warning) => {
        this.totals!.warnings++;
        this.deps.emit({ kind: 'cdc-warning', service: LISTINGS_SERVICE, warning });
      },
      afterPublish: (batch) => this.afterPublish(batch),
      afterPosition: () =>
        void this.state().then(
          (state) => this.deps.emit({ kind: 'cdc-connector', state }),
          () => undefined,
        ),
    };
    return this.deps.rewire ? this.deps.rewire(deps, this) : deps;
  }

  /** The broker holds the batch: count it, say so, and only then reach the crash point before the position is stored. */
  private async afterPublish(batch: PublishedBatch): Promise<void> {
    const totals = this.totals!;
    const count = batch.messages.length;
    totals.published += count;
    totals.duplicates += batch.duplicates;
    if (batch.snapshot) totals.snapshotRows += count;
    await writeTotals(this.db, totals);
    const topics = [...new Set(batch.messages.map((m) => m.topic))];
    if (count)
      this.deps.emit({
        kind: 'cdc-published',
        service: batch.service,
        topics,
        count,
        duplicates: batch.duplicates,
        seq: batch.seq,
      });
    if (batch.snapshot)
      this.deps.emit({
        kind: 'cdc-snapshot',
        service: batch.service,
        rows: count,
        seq: batch.seq,
        done: false,
      });
    this.crash.at(batch.snapshot ? 'cdc-during-snapshot' : 'cdc-after-publish-before-position');
  }
}
