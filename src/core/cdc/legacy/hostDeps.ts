// What every CDC process host is given (the listings service, the connector,
// the query service): its run, storage, clock, pace, where its reports go and
// how it dies. The hosts that talk to the broker are given their port besides.

import type { DexieDeps } from '../../broker/brokerDb';
import type { Clock, SteppedClock } from '../../clock';
import type { CrashPoint } from '../../crashPoints';
import type { CdcReport } from '../cdcTypes';
import type { CdcPace } from './cdcPace';

/** What every CDC process host is given: its run, storage, clock, pace, reports and how to die. */
export interface CdcHostDeps {
  runId: string;
  dexie: DexieDeps;
  clock: Clock;
  pace: CdcPace;
  emit: (report: CdcReport) => void;
  die: (point: CrashPoint) => void;
  /**
   * A deterministic run: nothing runs on its own (no polling loop, no pushed deliveries); each granted step
   * sets this clock (which `clock` must then be) to its simulation time, and broker requests are confirmed.
   */
  stepped?: SteppedClock;
}
