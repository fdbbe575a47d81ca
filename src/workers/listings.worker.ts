// Entry point of the CDC run's legacy `listings` service: builds one
// ListingsHost once the conductor opens it (with the scenario's seed), and
// exposes its writes and reads.

import type { CdcReport, ListingWrite } from '../core/cdc/cdcTypes';
import { ListingsHost } from '../core/cdc/legacy/listingsHost';
import { reportAs } from './reportAs';
import { serveOnOpen } from './serveOnOpen';
import { steppedClockOf } from './steppedClockOf';
import type { CdcStep } from '../core/cdc/legacy/cdcSteps';

export interface ListingsOpenOptions {
  seed: number;
}

serveOnOpen<ListingsHost, ListingsOpenOptions>(({ init, dexie, emit, die, fatal }) => {
  const report = reportAs<CdcReport>(emit);
  const stepped = steppedClockOf(init);
  return {
    name: 'listings',
    build: ({ seed }: ListingsOpenOptions) => {
      const host = new ListingsHost({
        runId: init.runId,
        dexie,
        now: () => (stepped ? stepped.now() : Date.now()),
        stepped,
        seed,
        emit: report,
        die,
      });
      host.db.on('blocked', () =>
        fatal('IDB_BLOCKED', "the listings service's database is held open by another tab"),
      );
      return host;
    },
    start: (host) => host.start(),
    methods: (opened) => ({
      write: (write: ListingWrite) => opened().write(write),
      writeMany: (count: number) => opened().writeMany(count),
      listings: () => opened().listings(),
      changes: (afterSeq?: number, limit?: number) => opened().changes(afterSeq, limit),
      head: () => opened().head(),
      step: (step: CdcStep, at: number) => opened().step(step, at),
    }),
  };
});
