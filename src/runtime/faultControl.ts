// The conductor's side of a fault plan, for any topology: arms each
// (re)started process with the faults still to come for it, turns crash and
// broker-fault reports into "fault fired" events, brings a live run's process
// back when its planned outage is over, and replaces the plan when the UI or a
// script edits it. Where faults go is the topology's answer (its FaultTargets).

import type { CrashPoint } from '../core/crashPoints';
import { FaultLedger, type FaultTargets, type FiredFault } from '../core/faults/faultLedger';
import type { Fault } from '../core/faults/faultPlan';

/** The run's fault plan changed (or is announced to a new listener); fault `index` of it fired. */
export type FaultEvent =
  | { kind: 'fault-plan'; plan: Fault[] }
  /** Fault `index` of the plan fired, at simulation time `at` (and deterministic step `step`). */
  | { kind: 'fault-fired'; index: number; description: string; at: number; step: number | null };

export interface FaultControlDeps<P extends string> {
  /** Where the plan's faults go: crashes to the processes, broker faults to the broker (if the run has one). */
  targets(): FaultTargets<P>;
  /** Processes up now: a new plan disarms and re-arms them. */
  alive(): P[];
  /** Forgets what `process` has armed (a new plan arms afresh). */
  clear(process: P): Promise<unknown>;
  /** Checks a new plan as strictly as a share link's, or throws saying why. */
  validate(plan: Fault[]): Fault[];
  /** Where the run stands when a fault fires: simulation time and (deterministic) step. */
  position(): { at: number; step: number | null };
  publish(events: FaultEvent[]): void;
  /** A live run brings a process back when its planned outage is over; a deterministic run's scheduler does it. */
  live: boolean;
  restart(process: P): Promise<void>;
  isCrashed(process: P): boolean;
}

/** How often a live run looks whether a planned outage is over (simulation time moves with speed and pause). */
const OUTAGE_POLL_MS = 100;

export class FaultControl<P extends string> {
  private ledger: FaultLedger;
  private readonly outages = new Map<P, ReturnType<typeof setInterval>>();

  constructor(
    plan: Fault[],
    private readonly deps: FaultControlDeps<P>,
  ) {
    this.ledger = new FaultLedger(plan);
  }

  get plan(): Fault[] {
    return [...this.ledger.plan];
  }

  slowness(group: string): number {
    return this.ledger.slowness(group);
  }

  /** What a new listener needs to hear: the plan and what of it already fired. */
  present(): FaultEvent[] {
    return [
      { kind: 'fault-plan', plan: this.plan },
      ...this.ledger.firedFaults().map((f): FaultEvent => ({ kind: 'fault-fired', ...f })),
    ];
  }

  /** A (re)started process gets the faults of the plan still to come for it. */
  arm(process: P): Promise<void> {
    return this.ledger.armProcess(process, this.deps.targets());
  }

  /** Returns whether the crash was one the plan asked for. */
  onCrash(process: P, point: CrashPoint | 'manual'): boolean {
    const { at, step } = this.deps.position();
    const fired = this.ledger.onCrash(process, point, at, step);
    this.fired(fired);
    if (fired && this.deps.live && this.comesBackAt(process) > at) this.bringBackLater(process);
    return fired !== null;
  }

  /** Simulation time before which `process` stays down (a planned outage); 0: no outage holds it. */
  comesBackAt(process: P): number {
    return this.ledger.comesBackAt(process);
  }

  /** Stops waiting for outages to end (the run is going away). */
  dispose(): void {
    for (const timer of this.outages.values()) clearInterval(timer);
    this.outages.clear();
  }

  private bringBackLater(process: P): void {
    clearInterval(this.outages.get(process));
    const timer = setInterval(() => {
      if (this.deps.position().at < this.comesBackAt(process)) return;
      clearInterval(timer);
      this.outages.delete(process);
      // Someone may have restarted it by hand meanwhile.
      if (this.deps.isCrashed(process)) void this.deps.restart(process).catch(() => undefined);
    }, OUTAGE_POLL_MS);
    this.outages.set(process, timer);
  }

  /** A telemetry fact: a broker's report that it injected one of the plan's faults. */
  onFact(fact: { kind: string }): void {
    if (fact.kind !== 'broker-fault') return;
    const { at, step } = this.deps.position();
    const report = fact as { kind: string; fault: string; group: string | null; type: string | null };
    this.fired(this.ledger.onBrokerFault(report, at, step));
  }

  /** Replaces the plan: what already fired stays fired; the rest is armed afresh. */
  async replace(plan: Fault[]): Promise<void> {
    this.ledger = this.ledger.replan(this.deps.validate(plan));
    const alive = this.deps.alive();
    await Promise.all(alive.map((p) => this.deps.clear(p)));
    await Promise.all(alive.map((p) => this.arm(p)));
    this.deps.publish([{ kind: 'fault-plan', plan: this.plan }]);
  }

  private fired(fired: FiredFault | null): void {
    if (fired) this.deps.publish([{ kind: 'fault-fired', ...fired }]);
  }
}
