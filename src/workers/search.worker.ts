// Entry point of the CDC run's `query` service: builds one SearchHost once the
// conductor opens it (with the pace to apply deliveries at), and exposes the
// search read model.

import { systemClock } from '../core/clock';
import type { CdcReport } from '../core/cdc/cdcTypes';
import { CDC_PACES } from '../core/cdc/legacy/cdcPace';
import { SearchHost } from '../core/cdc/legacy/searchHost';
import type { CrashPoint } from '../core/crashPoints';
import type { PaceName } from '../core/service/pace';
import { ERRORS } from '../runtime/errors';
import { serveWorker } from './workerEntry';

export interface SearchOpenOptions {
  pace: PaceName;
}

serveWorker(async ({ init, openChannel, dexie, emit, die, fatal }) => {
  // The telemetry channel carries whatever a process reports; the CDC conductor reads these as CdcReport.
  const report = emit as unknown as (r: CdcReport) => void;
  let host: SearchHost | null = null;
  const opened = (): SearchHost => {
    if (!host) throw new Error('query is not open yet');
    return host;
  };
  return {
    // Options the shop's init message has no field for arrive in this first call.
    open: async ({ pace }: SearchOpenOptions) => {
      host = new SearchHost({
        runId: init.runId,
        dexie,
        openChannel,
        clock: systemClock,
        pace: CDC_PACES[pace],
        emit: report,
        die,
        onError: (error) => report({ kind: 'error', code: ERRORS.PROCESS_FAILED.code, message: `query: a batch of change events could not be applied and goes back to the broker (${String((error as Error)?.message ?? error)})` }),
      });
      host.db.on('blocked', () => fatal('IDB_BLOCKED', "the query service's search database is held open by another tab"));
      await host.start({ consume: false });
    },
    // Separate from open, so the conductor arms the plan's crashes before the first delivery.
    run: () => opened().consume(),
    docs: () => opened().docs(),
    search: (text: string, city?: string) => opened().search(text, city),
    stats: () => opened().stats(),
    arm: (point: CrashPoint, nth?: number) => opened().arm(point, nth),
    disarm: () => opened().disarm(),
  };
});
