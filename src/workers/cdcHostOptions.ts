// What the CDC hosts that talk to the broker (the connector, the search
// service) are built with: this worker's run, storage, its port to the
// broker, the real clock (a stepped one in a deterministic run), the pace it
// was started with, and CdcReport telemetry.

import type { CdcReport } from '../core/cdc/cdcTypes';
import { BrokerClient } from '../core/broker/brokerClient';
import { CDC_PACES } from '../core/cdc/legacy/cdcPace';
import { systemClock } from '../core/clock';
import type { PacedStartOptions } from '../runtime/startOptions';
import { reportAs } from './reportAs';
import { steppedClockOf } from './steppedClockOf';
import type { WorkerKit } from './workerEntry';

/** `self`: the process the broker port speaks for (its consumer group, when it consumes). */
export function cdcHostOptions(
  { init, dexie, openChannel, emit, stampFacts, die }: WorkerKit<PacedStartOptions>,
  self: 'connector' | 'query',
) {
  const stepped = steppedClockOf(init.options, stampFacts);
  return {
    runId: init.runId,
    dexie,
    openChannel,
    broker: new BrokerClient({ self, runId: init.runId, openChannel, stepClock: stepped ?? null }),
    clock: stepped ?? systemClock,
    stepped,
    pace: CDC_PACES[init.options.pace],
    emit: reportAs<CdcReport>(emit),
    die,
  };
}
