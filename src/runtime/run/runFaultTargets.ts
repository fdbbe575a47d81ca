// Where a run's planned faults go, from its topology's facts: crashes to the
// processes that have crash points (checked there), broker faults to the
// broker, where the run has one.

import type { CrashPoint } from '../../core/crashPoints';
import type { FaultTargets } from '../../core/faults/faultLedger';
import type { ProcessHandle } from '../processHandle';
import type { RunFacts } from './runFacts';

export function runFaultTargets<P extends string>(
  facts: RunFacts<P>,
  handle: (process: P) => ProcessHandle<P>,
  crashAt: (process: P, point: CrashPoint, nth: number) => Promise<void>,
): FaultTargets<P> {
  const { broker, crashPoints } = facts;
  const toBroker = (method: string, ...args: unknown[]) =>
    broker === undefined ? undefined : handle(broker).call<void>(method, ...args);
  return {
    arm: (process, point, nth) => {
      if (!crashPoints) return handle(process).arm(point, nth);
      return crashPoints[process] ? crashAt(process, point, nth) : undefined;
    },
    duplicateNext: (group, type) => toBroker('duplicateNext', group, type),
    delayNext: (group, type, ms) => toBroker('delayNext', group, type, ms),
    refusePublishes: (publishes) => toBroker('refusePublishes', publishes),
  };
}
