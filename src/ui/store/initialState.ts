// The empty state the UI shows before the first worker reports in.

import { SERVICE_NAMES, type ServiceName } from '../../core/rows';
import type {
  CoreProcess,
  MirrorSlice,
  PlaygroundData,
  ProcessesSlice,
  ProcessState,
  ServiceActivity,
} from './types';

/** The orchestrator is left out: it appears when a run reports it (see ProcessesSlice). */
export const PROCESS_NAMES: CoreProcess[] = ['order', 'payment', 'inventory', 'shipping', 'broker'];

export const LOG_LIMIT = 60;
export const ERROR_LIMIT = 5;

export function emptyActivity(): ServiceActivity {
  return {
    published: 0,
    delivered: 0,
    duplicates: 0,
    handlerFailures: 0,
    publishLost: 0,
    relay: null,
    duplicatesAtHydrate: 0,
    duplicatesSinceHydrate: 0,
  };
}

function perService<T>(make: (service: ServiceName) => T): Record<ServiceName, T> {
  return Object.fromEntries(SERVICE_NAMES.map((s) => [s, make(s)])) as Record<ServiceName, T>;
}

export const STARTING: ProcessState = { status: 'starting', armed: null, crashedAt: null };

export function initialState(): PlaygroundData {
  return {
    mirror: perService(() => ({})) as MirrorSlice,
    trims: {},
    summarising: false,
    processes: Object.fromEntries(PROCESS_NAMES.map((p) => [p, STARTING])) as ProcessesSlice,
    broker: null,
    activity: { services: perService(emptyActivity), log: [] },
    errors: [],
    anomalies: [],
    anomalyCheck: null,
    playing: true,
    timing: null,
    sim: null,
    faultPlan: null,
    guards: null,
    workshop: null,
    faultsFired: [],
    seq: 1,
  };
}
