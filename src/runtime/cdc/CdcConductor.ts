// The CDC run's conductor (live only): spawns the broker, the legacy
// `listings` service, the `connector` and the `query` service as real workers,
// relays the UI's commands to them, kills and restarts them, arms the
// scenario's planned crashes, turns their telemetry into CdcEvents, and checks
// the run's invariants. The process lifecycle it shares with the event-sourced
// run lives in PageConductor.

import type {
  CdcReport,
  ConnectorState,
  ListingRow,
  ListingWrite,
  SearchDocRow,
} from '../../core/cdc/cdcTypes';
import { CDC_CRASH_POINTS } from '../../core/cdc/cdcTypes';
import { toChangeRecord, type ChangeEvent, type ChangeRow } from '../../core/cdc/changeEvent';
import { checkCdcInvariants } from '../../core/cdc/legacy/cdcInvariants';
import type { FaultTargets } from '../../core/faults/faultLedger';
import type { Anomaly } from '../../core/invariants';
import type { Scenario } from '../../core/scenario/scenario';
import type { Fact } from '../../core/telemetry';
import type { CdcController, CdcEvent, CdcNode, CdcProcess } from '../cdcController';
import { PageConductor } from '../page/PageConductor';
import { CDC_NODES, cdcOwed, cdcSnapshot } from './cdcReads';
import { spawnCdcWorker } from './cdcWorkers';
import { CDC_STEPPING } from '../stepping/cdcStepping';

export interface CdcConductorOptions {
  runId?: string;
  scenario: Scenario;
}

/** Writes per call to the listings worker in writeMany: progress is reported after each call. */
const WRITES_PER_CALL = 5;
/** The order processes start in: the broker first (the others talk to it), listings before the connector (its snapshot reads the seed rows). */
const START_ORDER: readonly CdcNode[][] = [['broker'], ['listings'], ['connector', 'query']];

export class CdcConductor extends PageConductor<CdcNode, CdcEvent> implements CdcController {
  readonly topology = 'cdc' as const;
  private writesRunning = 0;

  constructor(options: CdcConductorOptions) {
    super({
      ...options,
      processes: CDC_NODES,
      startOrder: START_ORDER,
      crashPoints: CDC_CRASH_POINTS,
      spawn: spawnCdcWorker,
      stepping: CDC_STEPPING, // deterministic mode
    });
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

  search(text: string, city?: string): Promise<string[]> {
    return this.call('query', 'search', text, city);
  }

  /** The broker needs no `open`; the others get the pace and the scenario's seed. */
  protected async open(name: CdcNode): Promise<void> {
    if (name === 'broker') return;
    try {
      await this.handles[name].call('open', { pace: this.setup.pace, seed: this.setup.seed });
    } catch (error) {
      // A kill while opening has already ended the worker and been reported; a failed open has not.
      if (this.handles[name].status !== 'crashed') {
        this.handles[name].kill();
        this.fail('PROCESS_FAILED', `${name} did not open: ${(error as Error)?.message ?? error}`);
      }
      throw error;
    }
  }

  /** Only now do the connector and the query service start working: a planned crash counts from their first step. */
  protected async opened(name: CdcNode): Promise<void> {
    if (name === 'connector' || name === 'query') await this.call(name, 'run');
  }

  /** A crash changes what the checker would find (the connector may republish, say). */
  protected crashed(): void {
    this.watch.noteChange();
  }

  /** Crashes go to the processes; broker faults (for the broker) to the broker. */
  protected faultTargets(): FaultTargets<CdcNode> {
    const broker = <T>(method: string, ...args: unknown[]) =>
      this.call<T>('broker', method, ...args).then(() => undefined);
    return {
      arm: (process, point, nth) => (process === 'broker' ? undefined : this.crashAt(process, point, nth)),
      duplicateNext: (group, type) => broker('duplicateNext', group, type),
      delayNext: (group, type, ms) => broker('delayNext', group, type, ms),
      refusePublishes: (publishes) => broker('refusePublishes', publishes),
    };
  }

  protected onTelemetry(facts: unknown): void {
    const events: CdcEvent[] = [];
    for (const fact of facts as (CdcReport | Fact)[]) {
      if (fact.kind === 'broker-fault') this.faults.onBrokerFault(fact, Date.now(), null);
      else if (fact.kind === 'commit' || fact.kind === 'error' || fact.kind.startsWith('cdc-'))
        events.push(fact as CdcEvent);
    }
    if (!events.length) return;
    if (events.some((e) => e.kind !== 'error')) this.watch.noteChange();
    this.publish(events);
  }

  protected owed(): Promise<string | null> {
    return cdcOwed(
      (p) => this.status(p),
      (p, method, ...args) => this.call(p, method, ...args),
      this.writesRunning,
    );
  }

  /** A check at rest reads every database; if the run moved meanwhile, what was read may be mid-flight, so nothing is concluded. */
  protected async verify(settled: boolean): Promise<Anomaly[]> {
    if (!settled) return [];
    const snapshot = await cdcSnapshot((p, method, ...args) => this.call(p, method, ...args));
    if ((await this.owed()) !== null) return [];
    return checkCdcInvariants(snapshot, { settled });
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
