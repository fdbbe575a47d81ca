// What the UI may ask of a CDC run (topology 'cdc'), and what it hears back.
// Four real workers, each with its own IndexedDB: the legacy `listings`
// service (writes its table, publishes nothing), the `connector` (tails
// listings' change log, publishes change events, keeps its position in its own
// database), the `broker`, and `query` (a search read model fed only by the
// change events). CdcConductor implements it.

import type { RunStart } from './runStart';
import type { RunHistoryReads } from './historyReads';
import type { ChangeEvent } from '../core/cdc/changeEvent';
import type { ListingEventRow } from '../core/cdc/legacy/listingHistory';
import type {
  CdcFact,
  CdcProcess,
  ConnectorState,
  ListingRow,
  ListingWrite,
  SearchDocRow,
} from '../core/cdc/cdcTypes';
import type { CrashPoint } from '../core/crashPoints';
import type { Anomaly } from '../core/invariantCatalogue';
import type { Scenario } from '../core/scenario/scenario';
import type { Change } from '../core/telemetry';
import type { ProcessStatus, SteppedRun } from './controller';
import type { RunEvent } from './run/runEvents';

// ListingWrite lives in core: the listings service (core, host-agnostic) takes it too.
export type { CdcProcess, ConnectorState, ListingEventRow, ListingRow, ListingWrite, SearchDocRow };
export { CDC_CRASH_POINTS, CDC_PROCESSES } from '../core/cdc/cdcTypes';

/** The processes a CDC run's canvas shows: its three workers plus the broker. */
export type CdcNode = CdcProcess | 'broker';

export type CdcEvent =
  /** `armed`: the crash point armed in that process, if any. */
  | { kind: 'process'; process: CdcNode; status: ProcessStatus; armed?: CrashPoint | null }
  /** A committed transaction of a process's database (listings, query): the rows it wrote. */
  | { kind: 'commit'; service: CdcProcess; changes: Change[] }
  /** What the connector reports: published (with duplicates), snapshot progress, warnings. */
  | CdcFact
  | { kind: 'crashed'; process: CdcNode; point: string }
  | { kind: 'anomalies'; anomalies: Anomaly[]; settled: boolean }
  | { kind: 'error'; code: string; message: string }
  /** What every run's conductor tells besides: the fault plan and what of it fired, its clock (RunEvent). */
  | RunEvent<CdcNode>;

export interface CdcController extends SteppedRun, RunHistoryReads, RunStart {
  readonly topology: 'cdc';
  readonly runId: string;
  scenario(): Scenario;
  subscribe(listener: (events: CdcEvent[]) => void): () => void;
  status(process: CdcNode): ProcessStatus;
  crashNow(process: CdcNode): void;
  /** Arms a crash: the process dies the `nth` time (default: next time) it reaches `point` (see CDC_CRASH_POINTS). */
  crashAt(process: CdcProcess, point: CrashPoint, nth?: number): void;
  restart(process: CdcNode): Promise<void>;

  /** One write to the legacy table, as its own transaction; resolves with the listing's id. */
  write(write: ListingWrite): Promise<string>;
  /** `count` random creates, updates and deletes (seeded by the scenario), one transaction each, `progress` after each. */
  writeMany(count: number, progress?: (done: number) => void): Promise<void>;

  listings(): Promise<ListingRow[]>;
  /** The change log of a process's database, oldest first (listings is the captured one). */
  changes(service: CdcProcess): Promise<ChangeEvent[]>;
  /** Where the connector stands in each source's log, and what it has published. */
  connector(): Promise<ConnectorState>;
  searchDocs(): Promise<SearchDocRow[]>;
  /** The query service's event store of the listings' history: every stream's events. */
  listingHistory(): Promise<ListingEventRow[]>;
  /** Ids of the listings whose documents match every word of `text` (and `city`, when given). */
  search(text: string, city?: string): Promise<string[]>;

  /** Waits until the connector has published the whole log and the query service has applied it, then checks the invariants. */
  settle(timeoutMs?: number): Promise<void>;
  anomalies(): Anomaly[];
  dispose(): void;
}
