// The CDC run's conductor: the one Conductor's lifecycle over the
// broker, the legacy `listings` service, the `connector` and the `query`
// service, plus this run's own calls (writes to the legacy table, its change
// log, the connector's position, search), what is owed before it is at rest,
// and what its checker reads.

import type { ConnectorState, ListingRow, ListingWrite, SearchDocRow } from '../../core/cdc/cdcTypes';
import { toChangeRecord, type ChangeEvent, type ChangeRow } from '../../core/cdc/changeEvent';
import { checkCdcInvariants } from '../../core/cdc/legacy/cdcInvariants';
import type { ListingEventRow } from '../../core/cdc/legacy/listingHistory';
import type { CdcSystemSnapshot } from '../../core/cdc/legacy/cdcInvariants';
import type { Anomaly } from '../../core/invariantCatalogue';
import { serviceConfig } from '../../core/service/pace';
import type { CdcController, CdcEvent, CdcNode, CdcProcess } from '../cdcController';
import { Conductor, type ConductorOptions, type StartContext } from '../run/Conductor';
import { CDC_FACTS } from '../topologies/cdc';
import type {
  BrokerStartOptions,
  ListingsStartOptions,
  PacedStartOptions,
  SearchStartOptions,
} from '../startOptions';
import { cdcOwed, cdcSnapshot } from './cdcReads';
import { cdcHistory, type CdcState } from '../../core/history/cdcFold';
import type { HistorySpec } from '../../core/history/historySpec';

/** Writes per call to the listings worker in writeMany: progress is reported after each call. */
const WRITES_PER_CALL = 5;

export class CdcConductor extends Conductor<CdcNode, CdcEvent, CdcSystemSnapshot> implements CdcController {
  readonly topology = 'cdc' as const;
  private writesRunning = 0;

  constructor(options: ConductorOptions) {
    super(options, CDC_FACTS);
  }

  write(write: ListingWrite): Promise<string> {
    return this.writing(() => this.call<string>('listings', 'write', write));
  }

  writeMany(count: number, progress?: (done: number) => void): Promise<void> {
    return this.writing(async () => {
      for (let done = 0; done < count;) {
        const n = Math.min(WRITES_PER_CALL, count - done);
        await this.call('listings', 'writeMany', n);
        done += n;
        progress?.(done);
      }
    });
  }

  listings(): Promise<ListingRow[]> {
    return this.call('listings', 'listings');
  }

  /** Only listings is captured: the connector's and the query service's databases keep no change log. */
  async changes(service: CdcProcess): Promise<ChangeEvent[]> {
    if (service !== 'listings') return [];
    return (await this.call<ChangeRow[]>('listings', 'changes')).map((row) => toChangeRecord(row).value);
  }

  connector(): Promise<ConnectorState> {
    return this.call('connector', 'state');
  }

  searchDocs(): Promise<SearchDocRow[]> {
    return this.call('query', 'docs');
  }

  listingHistory(): Promise<ListingEventRow[]> {
    return this.call('query', 'history');
  }

  search(text: string, city?: string): Promise<string[]> {
    return this.call('query', 'search', text, city);
  }

  /** The broker keeps its log as long as the pace says; listings gets the scenario's seed, the others the pace. */
  protected startOptions(
    name: CdcNode,
    { deterministic }: StartContext,
  ): BrokerStartOptions | ListingsStartOptions | PacedStartOptions | SearchStartOptions {
    const { pace, seed } = this.setup;
    if (name === 'broker')
      return {
        logRetentionMs: serviceConfig({ pace }).retention?.brokerLogMs ?? null,
        paused: false,
        deterministic,
      };
    if (name === 'listings') return { seed, deterministic };
    // The history's sequence check is the query service's inbox: the change's log sequence is its message id.
    return name === 'query'
      ? { pace, deterministic, dedupHistory: this.setup.inbox }
      : { pace, deterministic };
  }

  /** Only now do the connector and the query service start working: a planned crash counts from their first step. */
  protected async setToWork(name: CdcNode): Promise<void> {
    if (name === 'connector' || name === 'query') await this.call(name, 'run');
  }

  /** What the workers report of this run's own (the broker's fault reports went to the fault plan). */
  protected report(facts: { kind: string }[]): { events: CdcEvent[]; changed: boolean } {
    const events = facts.filter(
      (f) => f.kind === 'commit' || f.kind === 'error' || f.kind.startsWith('cdc-'),
    ) as CdcEvent[];
    return { events, changed: events.some((e) => e.kind !== 'error') };
  }

  protected owed(): Promise<string | null> {
    return cdcOwed(
      (p) => this.status(p),
      (p, method, ...args) => this.call(p, method, ...args),
      this.writesRunning,
    );
  }

  /** A check at rest reads every database; if the run moved meanwhile, what was read may be mid-flight, so nothing is concluded. */
  protected async check(settled: boolean, state: () => Promise<CdcSystemSnapshot>): Promise<Anomaly[]> {
    if (!settled) return [];
    const snapshot = await state();
    if ((await this.owed()) !== null) return [];
    return checkCdcInvariants(snapshot, { settled });
  }

  /** The listings table, the log above the connector's stored position, and the search documents. */
  snapshot(): Promise<CdcSystemSnapshot> {
    return cdcSnapshot((p, method, ...args) => this.call(p, method, ...args));
  }

  /** Listings' and the query service's commits and the connector's stored position fold into snapshot()'s shape. */
  protected historySpec(): HistorySpec<CdcState, CdcSystemSnapshot> {
    return cdcHistory;
  }

  private async writing<T>(work: () => Promise<T>): Promise<T> {
    this.writesRunning++;
    try {
      return await work();
    } finally {
      this.writesRunning--;
    }
  }
}
