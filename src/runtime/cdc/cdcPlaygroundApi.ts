// window.playground in a CDC run: the scripting API end-to-end tests and demo
// scripts use. Every call goes through the CdcConductor to the real workers
// and their databases.

import { CRASH_POINTS, isCrashPoint, type CrashPoint } from '../../core/crashPoints';
import { INVARIANTS } from '../../core/invariants';
import type { CdcController, CdcProcess } from '../cdcController';
import { CDC_CRASH_POINTS } from '../cdcController';
import type { PlaygroundApi } from '../playgroundApi';
import type { CdcConductor } from './CdcConductor';

export interface CdcPlaygroundApi extends Omit<CdcController, 'subscribe' | 'crashAt' | 'dispose'> {
  /** Tells this API from the shop's and the event-sourced run's: one window.playground slot, the page's topology decides which it holds. */
  readonly topology: 'cdc';
  /** The points each process can crash at. */
  readonly crashPoints: typeof CDC_CRASH_POINTS;
  readonly invariants: typeof INVARIANTS;
  /** Resolves when all four processes have started and opened their databases. */
  ready(): Promise<void>;
  /** Arms a crash for the `nth` time (default 1) the process reaches `point`; resolves once armed. */
  crashAt(process: CdcProcess, point: CrashPoint, nth?: number): Promise<void>;
}

export function createCdcPlaygroundApi(conductor: CdcConductor, started: Promise<void>): CdcPlaygroundApi {
  return {
    topology: 'cdc',
    runId: conductor.runId,
    crashPoints: CDC_CRASH_POINTS,
    invariants: INVARIANTS,
    ready: () => started,
    scenario: () => conductor.scenario(),
    status: (process) => conductor.status(process),
    crashNow: (process) => conductor.crashNow(process),
    crashAt(process, point, nth) {
      if (!isCrashPoint(point)) throw new Error(`unknown crash point "${point}"; known: ${Object.keys(CRASH_POINTS).join(', ')}`);
      return conductor.crashAt(process, point, nth);
    },
    restart: (process) => conductor.restart(process),
    write: (write) => conductor.write(write),
    writeMany: (count, progress) => conductor.writeMany(count, progress),
    listings: () => conductor.listings(),
    changes: (service) => conductor.changes(service),
    connector: () => conductor.connector(),
    searchDocs: () => conductor.searchDocs(),
    search: (text, city) => conductor.search(text, city),
    settle: (timeoutMs) => conductor.settle(timeoutMs),
    anomalies: () => conductor.anomalies(),
  };
}

/**
 * Installs the API as window.playground. The global is typed as the shop's API (the shop's tests rely on it);
 * a CDC page puts its own there, told apart by `topology`, and tests read it with this type.
 */
export function installCdcPlaygroundApi(api: CdcPlaygroundApi): void {
  (window as unknown as { playground: CdcPlaygroundApi | PlaygroundApi }).playground = api;
}
