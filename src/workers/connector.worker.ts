// Entry point of the CDC connector: builds one ConnectorHost (polling the
// listings log at the pace it was started with), and exposes where it stands.

import type { CdcReport } from '../core/cdc/cdcTypes';
import { ConnectorHost } from '../core/cdc/legacy/connectorHost';
import type { PacedStartOptions } from '../runtime/startOptions';
import { cdcHostOptions } from './cdcHostOptions';
import { reportAs } from './reportAs';
import { retriedFailure } from './retriedFailure';
import { serveHost } from './serveHost';
import type { CdcStep } from '../core/cdc/legacy/cdcSteps';

serveHost<ConnectorHost, PacedStartOptions>((kit) => {
  const onError = retriedFailure(
    reportAs<CdcReport>(kit.emit),
    'connector: publishing change events failed; it retries from its stored position',
  );
  const host = new ConnectorHost({ ...cdcHostOptions(kit, 'connector'), onError });
  const blocked = () =>
    kit.fatal(
      'IDB_BLOCKED',
      "the connector's database or the listings database it reads is held open by another tab",
    );
  host.db.on('blocked', blocked);
  host.source.on('blocked', blocked);
  return {
    host,
    start: (h) => h.start({ loop: false }),
    methods: (h) => ({
      // Separate from the start, so the conductor arms the plan's crashes before the first snapshot or batch.
      // A deterministic run's connects and polls are the scheduler's steps, not a loop's.
      run: () => (kit.init.options.deterministic ? undefined : void h.run()),
      state: () => h.state(),
      pending: () => h.pending(),
      step: (step: CdcStep, at: number) => h.step(step, at),
    }),
  };
});
