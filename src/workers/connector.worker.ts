// Entry point of the CDC connector: builds one ConnectorHost once the
// conductor opens it (with the pace to poll the listings log at), and exposes
// where it stands.

import type { CdcReport } from '../core/cdc/cdcTypes';
import { ConnectorHost } from '../core/cdc/legacy/connectorHost';
import type { PaceName } from '../core/service/pace';
import { cdcHostOptions } from './cdcHostOptions';
import { reportAs } from './reportAs';
import { retriedFailure } from './retriedFailure';
import { serveOnOpen } from './serveOnOpen';
import type { CdcStep } from '../core/cdc/legacy/cdcSteps';

export interface ConnectorOpenOptions {
  pace: PaceName;
}

serveOnOpen<ConnectorHost, ConnectorOpenOptions>((kit) => ({
  name: 'connector',
  build: ({ pace }) => {
    const onError = retriedFailure(
      reportAs<CdcReport>(kit.emit),
      'connector: publishing change events failed; it retries from its stored position',
    );
    const host = new ConnectorHost({ ...cdcHostOptions(kit, pace, 'connector'), onError });
    const blocked = () =>
      kit.fatal(
        'IDB_BLOCKED',
        "the connector's database or the listings database it reads is held open by another tab",
      );
    host.db.on('blocked', blocked);
    host.source.on('blocked', blocked);
    return host;
  },
  start: (host) => host.start({ loop: false }),
  methods: (opened) => ({
    // Separate from open, so the conductor arms the plan's crashes before the first snapshot or batch.
    // A deterministic run's connects and polls are the scheduler's steps, not a loop's.
    run: () => (kit.init.deterministic ? undefined : void opened().run()),
    state: () => opened().state(),
    pending: () => opened().pending(),
    step: (step: CdcStep, at: number) => opened().step(step, at),
  }),
}));
