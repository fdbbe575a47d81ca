// Test code, never shipped: a CdcController over the real hosts of a CDC run —
// the broker, ListingsHost, ConnectorHost and SearchHost the workers build —
// in this process, on fake-indexeddb and Node's BroadcastChannel (through
// cdcHarness.ts). What CdcConductor relays to a worker, this calls on the
// host; a crash ends the host and closes its databases and channels, a
// restart builds a new one over them; settle waits for the harness's quiet,
// then runs checkCdcInvariants.

import type { HistorySpec } from '../core/history/historySpec';
import { cdcHistory } from '../core/history/cdcFold';
import { CDC_PACES } from '../core/cdc/legacy/cdcPace';
import { checkCdcInvariants } from '../core/cdc/legacy/cdcInvariants';
import type { ListingEventRow } from '../core/cdc/legacy/listingHistory';
import { CDC_CRASH_POINTS } from '../core/cdc/cdcTypes';
import { toChangeRecord, type ChangeEvent } from '../core/cdc/changeEvent';
import type { CrashPoint } from '../core/crashPoints';
import type { Anomaly } from '../core/invariantCatalogue';
import { DEFAULT_SCENARIO, type Scenario } from '../core/scenario/scenario';
import type {
  CdcController,
  CdcEvent,
  CdcNode,
  CdcProcess,
  ConnectorState,
  ListingRow,
  ListingWrite,
  SearchDocRow,
} from '../runtime/cdcController';
import { CdcHarness } from './cdcHarness';
import { InProcessRun, started, UnderWay } from './inProcessRun';

export interface InProcessCdcOptions {
  /** What differs from the default CDC scenario (pace 'fast' unless said; `seed` draws writeMany's writes). */
  scenario?: Partial<Scenario>;
}

/** The order processes start in, as CdcConductor's: the broker first, listings before the connector (its snapshot reads the seed rows). */
const START_ORDER: readonly CdcNode[] = ['broker', 'listings', 'connector', 'query'];

/** Starts a CDC run in this process; resolves once every process is up. */
export function createInProcessCdcController(options: InProcessCdcOptions = {}): Promise<CdcController> {
  return started(new InProcessCdc(options));
}

class InProcessCdc extends InProcessRun<CdcNode, CdcEvent> implements CdcController {
  readonly topology = 'cdc' as const;
  readonly runId: string;
  private readonly harness: CdcHarness;
  private readonly writesRunning = new UnderWay();

  constructor(options: InProcessCdcOptions) {
    super({
      setup: { ...DEFAULT_SCENARIO, topology: 'cdc', pace: 'fast', ...options.scenario },
      processes: START_ORDER,
      crashPoints: CDC_CRASH_POINTS,
    });
    this.harness = new CdcHarness({
      seed: this.setup.seed,
      pace: CDC_PACES[this.setup.pace],
      onReport: (report) => this.publish([report]),
      onCrash: (process, point) => this.died(process, point),
    });
    this.runId = this.harness.runId;
  }

  write(write: ListingWrite): Promise<string> {
    return this.writesRunning.during(() => this.call('listings', () => this.harness.listings().write(write)));
  }

  /** The listings service's own writeMany: one transaction per write, progress after each. */
  writeMany(count: number, progress?: (done: number) => void): Promise<void> {
    return this.writesRunning.during(() =>
      this.call('listings', () => this.harness.listings().writeMany(count, progress)),
    );
  }

  listings(): Promise<ListingRow[]> {
    return this.call('listings', () => this.harness.listings().listings());
  }

  /** Only listings is captured: the connector's and the query service's databases keep no change log. */
  async changes(service: CdcProcess): Promise<ChangeEvent[]> {
    if (service !== 'listings') return [];
    const rows = await this.call('listings', () => this.harness.listings().changes());
    return rows.map((row) => toChangeRecord(row).value);
  }

  connector(): Promise<ConnectorState> {
    return this.call('connector', () => this.harness.connector().state());
  }

  searchDocs(): Promise<SearchDocRow[]> {
    return this.call('query', () => this.harness.query().docs());
  }

  listingHistory(): Promise<ListingEventRow[]> {
    return this.call('query', () => this.harness.query().history());
  }

  search(text: string, city?: string): Promise<string[]> {
    return this.call('query', () => this.harness.query().search(text, city));
  }

  protected async startHost(process: CdcNode): Promise<void> {
    await this.harness.start(process);
  }

  protected killHost(process: CdcNode): void {
    this.harness.kill(process);
  }

  protected armHost(process: CdcNode, point: CrashPoint, nth: number): void {
    if (process === 'listings') this.harness.listings().arm(point, nth);
    else if (process === 'connector') this.harness.connector().arm(point, nth);
    else if (process === 'query') this.harness.query().arm(point, nth);
  }

  /** The harness's quiet (every process up, the log published, the broker acknowledged, query idle), and no write running. */
  protected async owed(): Promise<string | null> {
    if (this.writesRunning.count) return `${this.writesRunning.count} listing writes running`;
    return this.harness.owed();
  }

  protected async verify(): Promise<Anomaly[]> {
    return checkCdcInvariants(await this.harness.snapshot(), { settled: true });
  }

  protected historySpec(): HistorySpec<unknown, unknown> {
    return cdcHistory as HistorySpec<unknown, unknown>;
  }

  protected closeHosts(): void {
    this.harness.close();
  }
}
