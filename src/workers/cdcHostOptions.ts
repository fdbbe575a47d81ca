// What the CDC hosts that talk to the broker (the connector, the search
// service) are built with: this worker's run, storage, channels, the real
// clock, the pace it was started with, and CdcReport telemetry.

import type { CdcReport } from '../core/cdc/cdcTypes';
import { CDC_PACES } from '../core/cdc/legacy/cdcPace';
import { systemClock } from '../core/clock';
import type { PacedStartOptions } from '../runtime/startOptions';
import { reportAs } from './reportAs';
import type { WorkerKit } from './workerEntry';

export function cdcHostOptions({ init, dexie, openChannel, emit, die }: WorkerKit<PacedStartOptions>) {
  return {
    runId: init.runId,
    dexie,
    openChannel,
    clock: systemClock,
    pace: CDC_PACES[init.options.pace],
    emit: reportAs<CdcReport>(emit),
    die,
  };
}
