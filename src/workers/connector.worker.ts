// Entry point of the CDC connector: builds one ConnectorHost once the
// conductor opens it (with the pace to poll the listings log at), and exposes
// where it stands.

import { systemClock } from '../core/clock';
import type { CdcReport } from '../core/cdc/cdcTypes';
import { CDC_PACES } from '../core/cdc/legacy/cdcPace';
import { ConnectorHost } from '../core/cdc/legacy/connectorHost';
import type { CrashPoint } from '../core/crashPoints';
import type { PaceName } from '../core/service/pace';
import { ERRORS } from '../runtime/errors';
import { serveWorker } from './workerEntry';

export interface ConnectorOpenOptions {
  pace: PaceName;
}

serveWorker(async ({ init, openChannel, dexie, emit, die, fatal }) => {
  // The telemetry channel carries whatever a process reports; the CDC conductor reads these as CdcReport.
  const report = emit as unknown as (r: CdcReport) => void;
  let host: ConnectorHost | null = null;
  const opened = (): ConnectorHost => {
    if (!host) throw new Error('connector is not open yet');
    return host;
  };
  return {
    // Options the shop's init message has no field for arrive in this first call.
    open: async ({ pace }: ConnectorOpenOptions) => {
      host = new ConnectorHost({
        runId: init.runId,
        dexie,
        openChannel,
        clock: systemClock,
        pace: CDC_PACES[pace],
        emit: report,
        die,
        onError: (error) => report({ kind: 'error', code: ERRORS.PROCESS_FAILED.code, message: `connector: publishing change events failed; it retries from its stored position (${String((error as Error)?.message ?? error)})` }),
      });
      const blocked = () => fatal('IDB_BLOCKED', "the connector's database or the listings database it reads is held open by another tab");
      host.db.on('blocked', blocked);
      host.source.on('blocked', blocked);
      await host.start({ loop: false });
    },
    // Separate from open, so the conductor arms the plan's crashes before the first snapshot or batch.
    run: () => void opened().run(),
    state: () => opened().state(),
    arm: (point: CrashPoint, nth?: number) => opened().arm(point, nth),
    disarm: () => opened().disarm(),
  };
});
