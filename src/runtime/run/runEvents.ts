// What every run's conductor tells its listeners, whatever its topology adds:
// its processes' lives, the checker's verdict, errors, the fault plan, and
// where its clock and (deterministic) scheduler stand.

import type { SimTiming } from '../../core/clock';
import type { CrashPoint } from '../../core/crashPoints';
import type { AnomaliesEvent } from '../anomalyWatcher';
import type { ProcessStatus, SimState } from '../controller';
import type { FaultEvent } from '../faultControl';

export type RunEvent<P extends string> =
  /** `armed`: the crash point armed in that process, if any. */
  | { kind: 'process'; process: P; status: ProcessStatus; armed: CrashPoint | null }
  | { kind: 'crashed'; process: P; point: CrashPoint | 'manual' }
  | AnomaliesEvent
  | { kind: 'error'; code: string; message: string }
  | FaultEvent
  | { kind: 'paused'; paused: boolean }
  /** How simulation time relates to real time now: lets the UI count deadlines down. */
  | { kind: 'timing'; timing: SimTiming }
  | { kind: 'sim'; sim: SimState };
