// Entry point of the CDC run's legacy `listings` service: builds one
// ListingsHost once the conductor opens it (with the scenario's seed), and
// exposes its writes and reads.

import type { CdcReport, ListingWrite } from '../core/cdc/cdcTypes';
import { ListingsHost } from '../core/cdc/legacy/listingsHost';
import type { CrashPoint } from '../core/crashPoints';
import { serveWorker } from './workerEntry';

export interface ListingsOpenOptions {
  seed: number;
}

serveWorker(async ({ init, dexie, emit, die, fatal }) => {
  // The telemetry channel carries whatever a process reports; the CDC conductor reads these as CdcReport.
  const report = emit as unknown as (r: CdcReport) => void;
  let host: ListingsHost | null = null;
  const opened = (): ListingsHost => {
    if (!host) throw new Error('listings is not open yet');
    return host;
  };
  return {
    // Options the shop's init message has no field for arrive in this first call.
    open: async ({ seed }: ListingsOpenOptions) => {
      host = new ListingsHost({ runId: init.runId, dexie, now: () => Date.now(), seed, emit: report, die });
      host.db.on('blocked', () => fatal('IDB_BLOCKED', "the listings service's database is held open by another tab"));
      await host.start();
    },
    write: (write: ListingWrite) => opened().write(write),
    writeMany: (count: number) => opened().writeMany(count),
    listings: () => opened().listings(),
    changes: (afterSeq?: number, limit?: number) => opened().changes(afterSeq, limit),
    head: () => opened().head(),
    arm: (point: CrashPoint, nth?: number) => opened().arm(point, nth),
    disarm: () => opened().disarm(),
  };
});
