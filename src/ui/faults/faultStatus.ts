// Pure: where each fault of the plan stands, from the fired reports. A report
// names the fault by its index in the plan *and* its description, so after a
// fault is removed and the others move up, a report never marks the wrong one.

import { describeFault, type Fault } from '../../core/faults/faultPlan';
import type { FiredFault } from '../store/types';

export type FaultStatus =
  | { state: 'armed' }
  /** A slow consumer is a condition, not an event: it never "fires". */
  | { state: 'in-effect' }
  | { state: 'fired'; fired: FiredFault };

export function statusOf(fault: Fault, index: number, fired: readonly FiredFault[]): FaultStatus {
  const description = describeFault(fault);
  const report = fired.findLast((f) => f.index === index && f.description === description);
  if (report) return { state: 'fired', fired: report };
  return fault.kind === 'slow' ? { state: 'in-effect' } : { state: 'armed' };
}

/** Simulation time, precise while short (a deterministic run is often a few hundred ms). */
export function simTimeText(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** "step 12 · t=340 ms" in a deterministic run, "t=1.25 s" in a live one. */
export function whenText(fired: Pick<FiredFault, 'at' | 'step'>): string {
  const time = `t=${simTimeText(fired.at)}`;
  return fired.step === null ? time : `step ${fired.step} · ${time}`;
}

export function statusText(status: FaultStatus): string {
  switch (status.state) {
    case 'armed':
      return 'armed';
    case 'in-effect':
      return 'in effect';
    case 'fired':
      return `fired at ${whenText(status.fired)}`;
  }
}
