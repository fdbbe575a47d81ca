// Entry point of the CDC run's `query` service: builds one SearchHost once the
// conductor opens it (with the pace to apply deliveries at), and exposes the
// search read model.

import type { CdcReport } from '../core/cdc/cdcTypes';
import { SearchHost } from '../core/cdc/legacy/searchHost';
import type { PaceName } from '../core/service/pace';
import { cdcHostOptions } from './cdcHostOptions';
import { reportAs } from './reportAs';
import { retriedFailure } from './retriedFailure';
import { serveOnOpen } from './serveOnOpen';
import type { CdcStep } from '../core/cdc/legacy/cdcSteps';

export interface SearchOpenOptions {
  pace: PaceName;
}

serveOnOpen<SearchHost, SearchOpenOptions>((kit) => ({
  name: 'query',
  build: ({ pace }) => {
    const onError = retriedFailure(
      reportAs<CdcReport>(kit.emit),
      'query: a batch of change events could not be applied and goes back to the broker',
    );
    const host = new SearchHost({ ...cdcHostOptions(kit, pace, 'query'), onError });
    host.db.on('blocked', () =>
      kit.fatal('IDB_BLOCKED', "the query service's search database is held open by another tab"),
    );
    return host;
  },
  start: (host) => host.start({ consume: false }),
  methods: (opened) => ({
    // Separate from open, so the conductor arms the plan's crashes before the first delivery.
    run: () => opened().consume(),
    docs: () => opened().docs(),
    search: (text: string, city?: string) => opened().search(text, city),
    stats: () => opened().stats(),
    step: (step: CdcStep, at: number) => opened().step(step, at),
  }),
}));
