// Entry point of the CDC run's `query` service: builds one SearchHost
// (applying deliveries at the pace it was started with), and exposes the
// search read model.

import type { CdcReport } from '../core/cdc/cdcTypes';
import { SearchHost } from '../core/cdc/legacy/searchHost';
import type { PacedStartOptions } from '../runtime/startOptions';
import { cdcHostOptions } from './cdcHostOptions';
import { reportAs } from './reportAs';
import { retriedFailure } from './retriedFailure';
import { serveHost } from './serveHost';
import type { CdcStep } from '../core/cdc/legacy/cdcSteps';

serveHost<SearchHost, PacedStartOptions>((kit) => {
  const onError = retriedFailure(
    reportAs<CdcReport>(kit.emit),
    'query: a batch of change events could not be applied and goes back to the broker',
  );
  const host = new SearchHost({ ...cdcHostOptions(kit, 'query'), onError });
  host.db.on('blocked', () =>
    kit.fatal('IDB_BLOCKED', "the query service's search database is held open by another tab"),
  );
  return {
    host,
    start: (h) => h.start({ consume: false }),
    methods: (h) => ({
      // Separate from the start, so the conductor arms the plan's crashes before the first delivery.
      run: () => h.consume(),
      docs: () => h.docs(),
      search: (text: string, city?: string) => h.search(text, city),
      stats: () => h.stats(),
      step: (step: CdcStep, at: number) => h.step(step, at),
    }),
  };
});
