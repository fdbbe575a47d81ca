// window.playground in a CDC run: the scripting API end-to-end tests and demo
// scripts use. Every call goes through the CdcConductor to the real workers
// and their databases. The basics every run shares are runApiBasics'; the
// rest is this run's.

import { CRASH_POINTS, type CrashPoint } from '../../core/crashPoints';
import type { CdcSystemSnapshot } from '../../core/cdc/legacy/cdcInvariants';
import { runApiBasics, type RunApiBasics } from '../api/runApiBasics';
import type { CdcController, CdcNode } from '../cdcController';
import { CDC_CRASH_POINTS } from '../cdcController';
import type { CdcConductor } from './CdcConductor';

export interface CdcPlaygroundApi
  extends
    RunApiBasics<'cdc', CdcNode, typeof CDC_CRASH_POINTS, CdcSystemSnapshot>,
    Omit<
      CdcController,
      | keyof RunApiBasics<'cdc', CdcNode, unknown, unknown>
      | 'subscribe'
      | 'dispose'
      | 'simState'
      | 'recordedFacts'
      | 'historyStats'
    > {}

export function createCdcPlaygroundApi(conductor: CdcConductor, started: Promise<void>): CdcPlaygroundApi {
  return {
    ...runApiBasics(conductor, {
      topology: 'cdc',
      crashPoints: CDC_CRASH_POINTS,
      knownPoints: Object.keys(CRASH_POINTS) as CrashPoint[],
      started,
    }),
    write: (write) => conductor.write(write),
    writeMany: (count, progress) => conductor.writeMany(count, progress),
    listings: () => conductor.listings(),
    changes: (service) => conductor.changes(service),
    connector: () => conductor.connector(),
    searchDocs: () => conductor.searchDocs(),
    listingHistory: () => conductor.listingHistory(),
    search: (text, city) => conductor.search(text, city),
  };
}
