// Entry point of the CDC run's legacy `listings` service: builds one
// ListingsHost (its random writes drawn from the seed it was started with),
// and exposes its writes and reads.

import type { CdcReport, ListingWrite } from '../core/cdc/cdcTypes';
import { ListingsHost } from '../core/cdc/legacy/listingsHost';
import type { ListingsStartOptions } from '../runtime/startOptions';
import { reportAs } from './reportAs';
import { serveHost } from './serveHost';
import { steppedClockOf } from './steppedClockOf';
import type { CdcStep } from '../core/cdc/legacy/cdcSteps';

serveHost<ListingsHost, ListingsStartOptions>(({ init, dexie, emit, stampFacts, die, fatal }) => {
  const stepped = steppedClockOf(init.options, stampFacts);
  const host = new ListingsHost({
    runId: init.runId,
    dexie,
    now: () => (stepped ? stepped.now() : Date.now()),
    stepped,
    seed: init.options.seed,
    emit: reportAs<CdcReport>(emit),
    die,
  });
  host.db.on('blocked', () =>
    fatal('IDB_BLOCKED', "the listings service's database is held open by another tab"),
  );
  return {
    host,
    start: (h) => h.start(),
    methods: (h) => ({
      write: (write: ListingWrite) => h.write(write),
      writeMany: (count: number) => h.writeMany(count),
      listings: () => h.listings(),
      changes: (afterSeq?: number, limit?: number) => h.changes(afterSeq, limit),
      head: () => h.head(),
      step: (step: CdcStep, at: number) => h.step(step, at),
    }),
  };
});
