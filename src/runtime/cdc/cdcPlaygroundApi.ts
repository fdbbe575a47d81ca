// window.playground in a CDC run: the scripting API end-to-end tests and demo
// scripts use. Every call goes through the CdcConductor to the real workers
// and their databases.

import type { CrashPoint } from '../../core/crashPoints';
import { INVARIANTS } from '../../core/invariants';
import type { CdcController, CdcProcess } from '../cdcController';
import { CDC_CRASH_POINTS } from '../cdcController';
import { installPageApi, pageApiBasics } from '../page/pageApi';
import type { CdcConductor } from './CdcConductor';
import type { SteppingApi } from '../stepping/steppingApi';

export interface CdcPlaygroundApi
  extends Omit<CdcController, 'subscribe' | 'crashAt' | 'dispose'>, SteppingApi {
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
    ...pageApiBasics('cdc', conductor, CDC_CRASH_POINTS, started),
    write: (write) => conductor.write(write),
    writeMany: (count, progress) => conductor.writeMany(count, progress),
    listings: () => conductor.listings(),
    changes: (service) => conductor.changes(service),
    connector: () => conductor.connector(),
    searchDocs: () => conductor.searchDocs(),
    search: (text, city) => conductor.search(text, city),
  };
}

/** Installs the API as window.playground (see installPageApi). */
export function installCdcPlaygroundApi(api: CdcPlaygroundApi): void {
  installPageApi(api);
}
