// Entry point of the CDC run's `query` service: builds one SearchHost
// (applying deliveries at the pace it was started with, its history checking
// sequences or not as it was told), and exposes the search read model and the
// listings' history.

import type { CdcReport } from '../core/cdc/cdcTypes';
import { SearchHost } from '../core/cdc/legacy/searchHost';
import type { SearchStartOptions } from '../runtime/startOptions';
import { cdcHostOptions } from './cdcHostOptions';
import { reportAs } from './reportAs';
import { retriedFailure } from './retriedFailure';
import { serveHost } from './serveHost';
import type { CdcStep } from '../core/cdc/legacy/cdcSteps';

serveHost<SearchHost, SearchStartOptions>((kit) => {
  const onError = retriedFailure(
    reportAs<CdcReport>(kit.emit),
    'query: a batch of change events could not be applied and goes back to the broker',
  );
  const host = new SearchHost({
    ...cdcHostOptions(kit, 'query'),
    onError,
    // A page started before the option existed sends none: keep the history single, as it always was.
    dedupHistory: kit.init.options.dedupHistory ?? true,
  });
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
      history: () => h.history(),
      search: (text: string, city?: string) => h.search(text, city),
      stats: () => h.stats(),
      step: (step: CdcStep, at: number) => h.step(step, at),
    }),
  };
});
