// Which faults of a plan have fired. A process that (re)starts is armed with
// the faults of the plan that are still to come for it, so a plan survives the
// crashes it causes; a fired fault is never armed again.

import type { CrashPoint } from '../crashPoints';
import type { ProcessName } from '../telemetry';
import { describeFault, type Fault } from './faultPlan';

/** What a host can be asked to arm; the conductor and the Node harness both provide it. */
export interface FaultTargets<P extends string = ProcessName> {
  arm(service: P, point: CrashPoint, nth: number): void | Promise<void>;
  duplicateNext(group: string, type: string): void | Promise<void>;
  delayNext(group: string, type: string, ms: number): void | Promise<void>;
  refusePublishes(publishes: number): void | Promise<void>;
}

export interface FiredFault {
  index: number;
  description: string;
  at: number;
  step: number | null;
}

export class FaultLedger {
  private readonly fired = new Map<number, FiredFault>();

  constructor(readonly plan: readonly Fault[]) {}

  firedFaults(): FiredFault[] {
    return [...this.fired.values()];
  }

  /** Arms `process` with its faults still to come: its crashes, or (for the broker) every broker fault. */
  async armProcess<P extends string>(process: P, targets: FaultTargets<P>): Promise<void> {
    const armed: (void | Promise<void>)[] = [];
    this.plan.forEach((fault, index) => {
      if (this.fired.has(index)) return;
      if (fault.kind === 'crash' && fault.service === process)
        armed.push(targets.arm(process, fault.point, fault.nth));
      if (process !== 'broker') return;
      if (fault.kind === 'duplicate') armed.push(targets.duplicateNext(fault.group, fault.type));
      if (fault.kind === 'delay') armed.push(targets.delayNext(fault.group, fault.type, fault.ms));
      if (fault.kind === 'broker-outage') armed.push(targets.refusePublishes(fault.publishes));
    });
    await Promise.all(armed);
  }

  /** A new plan that keeps what already fired: a fault still listed (the same fault, first match) stays fired. */
  replan(plan: readonly Fault[]): FaultLedger {
    const next = new FaultLedger(plan);
    const key = (f: Fault) => JSON.stringify(f);
    for (const old of this.fired.values()) {
      const index = plan.findIndex((f, i) => !next.fired.has(i) && key(f) === key(this.plan[old.index]));
      if (index >= 0) next.fired.set(index, { ...old, index });
    }
    return next;
  }

  /** How many times slower `group` consumes (1 unless a slow fault names it). */
  slowness(group: string): number {
    return this.plan.reduce(
      (factor, f) => (f.kind === 'slow' && f.group === group ? Math.max(factor, f.factor) : factor),
      1,
    );
  }

  /**
   * When a process that a planned outage took down may come back (simulation time): the fired crash's time plus its
   * `downMs`, for the latest such crash of that process; 0 when no outage holds it.
   */
  comesBackAt(process: string): number {
    let at = 0;
    for (const fired of this.fired.values()) {
      const fault = this.plan[fired.index];
      if (fault.kind === 'crash' && fault.service === process && fault.downMs)
        at = Math.max(at, fired.at + fault.downMs);
    }
    return at;
  }

  /** The fault behind a fired entry. */
  faultOf(fired: FiredFault): Fault {
    return this.plan[fired.index];
  }

  /** A process crashed at `point`: the first planned crash it matches has fired. */
  onCrash(process: string, point: string, at: number, step: number | null): FiredFault | null {
    return this.markFirst((f) => f.kind === 'crash' && f.service === process && f.point === point, at, step);
  }

  /** The broker injected a fault: the first planned one of that kind, group and type has fired. */
  onBrokerFault(
    fault: { fault: string; group: string | null; type: string | null },
    at: number,
    step: number | null,
  ): FiredFault | null {
    return this.markFirst(
      (f) =>
        f.kind === fault.fault &&
        (f.kind === 'broker-outage' ||
          ((f.kind === 'duplicate' || f.kind === 'delay') &&
            f.group === fault.group &&
            f.type === fault.type)),
      at,
      step,
    );
  }

  private markFirst(matches: (f: Fault) => boolean, at: number, step: number | null): FiredFault | null {
    const index = this.plan.findIndex((f, i) => !this.fired.has(i) && matches(f));
    if (index < 0) return null;
    const entry = { index, description: describeFault(this.plan[index]), at, step };
    this.fired.set(index, entry);
    return entry;
  }
}
