// Runs a CDC run's processes in-process on fake-indexeddb and Node's own
// BroadcastChannel: the broker, ListingsHost, ConnectorHost and SearchHost the
// workers build. A crash (at a point, or a kill) closes that host as its
// worker's end would; a restart builds a new host on the same databases.
// One test-only hook, for the chaos suite's broken variant: a connector that
// stores its position before it publishes (see positionFirst).

import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { Broker } from '../core/broker/broker';
import { BrokerClient } from '../core/broker/brokerClient';
import { openBrokerDb } from '../core/broker/brokerDb';
import { readLog } from '../core/broker/dump';
import { SteppedClock, systemClock } from '../core/clock';
import type { CrashPoint } from '../core/crashPoints';
import type { CdcProcess, CdcReport } from '../core/cdc/cdcTypes';
import type { ChangeEvent } from '../core/cdc/changeEvent';
import type { ConnectorDeps } from '../core/cdc/connector';
import type { CdcSystemSnapshot } from '../core/cdc/legacy/cdcInvariants';
import type { CdcPace } from '../core/cdc/legacy/cdcPace';
import { ConnectorHost } from '../core/cdc/legacy/connectorHost';
import { LISTINGS_SERVICE, LISTINGS_TOPIC } from '../core/cdc/legacy/listingsDb';
import { ListingsHost } from '../core/cdc/legacy/listingsHost';
import { QUERY_GROUP, SearchHost } from '../core/cdc/legacy/searchHost';
import { waitForQuiet } from '../core/quiet';
import { broadcastChannels } from '../core/transport';

const dexie = { indexedDB, IDBKeyRange };
const openChannel = broadcastChannels(BroadcastChannel as never);
let runs = 0;

/** Small batches and short polls: more batches, so more moments to crash at. */
export const TEST_PACE: CdcPace = { pollMs: 5, batch: 4, applyDelayMs: 0 };

export type CdcHarnessProcess = CdcProcess | 'broker';

export interface CdcHarnessOptions {
  seed?: number;
  pace?: CdcPace;
  /** The broken connector: position stored before the batch is published (never the product's). */
  positionFirst?: boolean;
  /** Hears each report as a process makes it (they are kept in `reports` too). */
  onReport?: (report: CdcReport) => void;
  /** Hears each death: at a crash point, or by `kill` ('manual'). */
  onCrash?: (process: CdcHarnessProcess, point: CrashPoint | 'manual') => void;
  /** A deterministic run: no loops, no pushed deliveries; every host reads this clock, which granted steps set. */
  stepped?: SteppedClock;
  /** The query service's history skips a change its stream already holds (default), as a scenario's `inbox` says. */
  dedupHistory?: boolean;
}

export class CdcHarness {
  readonly runId = `cdctest${++runs}-${Date.now().toString(36)}`;
  readonly reports: CdcReport[] = [];
  readonly crashes: { process: CdcHarnessProcess; point: CrashPoint | 'manual' }[] = [];
  readonly pace: CdcPace;
  private brokerHost: Broker | null = null;
  private listingsHost: ListingsHost | null = null;
  private connectorHost: ConnectorHost | null = null;
  private searchHost: SearchHost | null = null;
  private readonly down = new Set<CdcHarnessProcess>();

  constructor(private readonly options: CdcHarnessOptions = {}) {
    this.pace = options.pace ?? TEST_PACE;
  }

  broker = (): Broker => this.brokerHost!;
  listings = (): ListingsHost => this.listingsHost!;
  connector = (): ConnectorHost => this.connectorHost!;
  query = (): SearchHost => this.searchHost!;
  dead = (process: CdcHarnessProcess): boolean => this.down.has(process);
  private emit = (report: CdcReport) => {
    this.reports.push(report);
    this.options.onReport?.(report);
  };

  private get clock() {
    return this.options.stepped ?? systemClock;
  }

  async startBroker(): Promise<Broker> {
    const brokerClock = this.options.stepped ? new SteppedClock() : undefined;
    const broker = new Broker({
      runId: this.runId,
      db: openBrokerDb(this.runId, dexie),
      openChannel,
      // The broker sets its own clock from each stepped request's time: it gets one of its own.
      clock: brokerClock ?? systemClock,
      emit: () => undefined,
      stepped: brokerClock,
    });
    this.brokerHost = broker;
    this.down.delete('broker');
    await broker.start();
    return broker;
  }

  async startListings(): Promise<ListingsHost> {
    const host: ListingsHost = new ListingsHost({
      runId: this.runId,
      dexie,
      now: () => this.clock.now(),
      stepped: this.options.stepped,
      seed: this.options.seed ?? 1,
      emit: this.emit,
      die: (p) => this.died('listings', p),
    });
    this.listingsHost = host;
    this.down.delete('listings');
    await host.start();
    return host;
  }

  /** `loop: false`: the test calls connect / drain itself. */
  async startConnector({ loop = true } = {}): Promise<ConnectorHost> {
    const host = new ConnectorHost({
      runId: this.runId,
      dexie,
      // A publish lost with a killed broker is retried soon: chaos kills brokers too.
      broker: new BrokerClient({
        self: 'connector',
        runId: this.runId,
        openChannel,
        publishTimeoutMs: 300,
        stepClock: this.options.stepped ?? null,
      }),
      clock: this.clock,
      stepped: this.options.stepped,
      pace: this.pace,
      emit: this.emit,
      die: (p) => this.died('connector', p),
      rewire: this.options.positionFirst ? positionFirst : undefined,
    });
    this.connectorHost = host;
    this.down.delete('connector');
    await host.start({ loop });
    return host;
  }

  async startQuery(): Promise<SearchHost> {
    const host = new SearchHost({
      runId: this.runId,
      dexie,
      broker: new BrokerClient({
        self: QUERY_GROUP,
        runId: this.runId,
        openChannel,
        stepClock: this.options.stepped ?? null,
      }),
      clock: this.clock,
      stepped: this.options.stepped,
      pace: this.pace,
      emit: this.emit,
      die: (p) => this.died('query', p),
      dedupHistory: this.options.dedupHistory,
    });
    this.searchHost = host;
    this.down.delete('query');
    await host.start();
    return host;
  }

  start(process: CdcHarnessProcess): Promise<unknown> {
    if (process === 'broker') return this.startBroker();
    if (process === 'listings') return this.startListings();
    return process === 'connector' ? this.startConnector({ loop: !this.options.stepped }) : this.startQuery();
  }

  /** Kills a process where it stands, as terminating its worker would. */
  kill(process: CdcHarnessProcess): void {
    if (this.down.has(process)) return;
    if (process !== 'broker') this.host(process).crash.dead = true;
    this.died(process, 'manual');
  }

  /** What the invariant checker reads, from the hosts (all must be up). */
  async snapshot(): Promise<CdcSystemSnapshot> {
    const position = (await this.connector().state()).sources[0].position.seq;
    return {
      listings: await this.listings().listings(),
      changesAbovePosition: await this.listings().changes(position),
      position,
      docs: await this.query().docs(),
      history: await this.query().history(),
    };
  }

  /** What is still owed: a process down, the connector behind its log, the broker or the query service busy. */
  async owed(): Promise<string | null> {
    for (const p of ['broker', 'listings', 'connector', 'query'] as const)
      if (this.down.has(p)) return `${p} is down`;
    const { sources } = await this.connector().state();
    const behind = sources.find(
      (s) =>
        s.lag > 0 || (s.position.inFlight ?? 0) > s.position.seq || s.position.snapshotInFlight !== undefined,
    );
    if (behind) return `connector: ${behind.lag} changes behind`;
    const { lag, pendingWrites } = this.brokerHost!.status();
    if (lag || pendingWrites) return `broker: ${lag} records unacknowledged, ${pendingWrites} writes pending`;
    if (this.query().busy) return `query: ${this.query().busy} deliveries being applied`;
    return null;
  }

  /** Ids of every change event the broker's log holds, read through a fresh connection (duplicates included). */
  async published(): Promise<string[]> {
    const db = openBrokerDb(this.runId, dexie);
    try {
      return (await readLog(db)).filter((r) => r.topic === LISTINGS_TOPIC).map((r) => r.event.id);
    } finally {
      db.close();
    }
  }

  settle(timeoutMs = 15_000): Promise<void> {
    return waitForQuiet(() => this.owed(), timeoutMs);
  }

  close(): void {
    this.brokerHost?.stop();
    this.listingsHost?.close();
    this.connectorHost?.close();
    this.searchHost?.close();
  }

  private host(process: CdcProcess): ListingsHost | ConnectorHost | SearchHost {
    return process === 'listings'
      ? this.listings()
      : process === 'connector'
        ? this.connector()
        : this.query();
  }

  private died(process: CdcHarnessProcess, point: CrashPoint | 'manual'): void {
    this.crashes.push({ process, point });
    this.down.add(process);
    if (process === 'broker') this.brokerHost?.stop();
    else this.host(process).close();
    this.options.onCrash?.(process, point);
  }
}

/**
 * The broken connector of the chaos suite's `cdc-position-first` variant: it stores the position a batch
 * moves to, then publishes. A crash in between leaves the position past changes the broker never got.
 */
function positionFirst(deps: ConnectorDeps, host: ConnectorHost): ConnectorDeps {
  return {
    ...deps,
    publish: async (messages) => {
      const changes = messages.map((m) => m.event.data as ChangeEvent);
      if (changes.length && changes.every((c) => c.op !== 'r')) {
        await host.positions.put(LISTINGS_SERVICE, {
          seq: Math.max(...changes.map((c) => c.source.sequence)),
        });
        host.crash.at('cdc-after-publish-before-position');
      }
      await deps.publish(messages);
    },
    // Its crash point is above; a snapshot batch still reaches the snapshot's.
    afterPublish: (batch) => (batch.snapshot ? deps.afterPublish?.(batch) : undefined),
  };
}
