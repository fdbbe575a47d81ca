// The conductor's side of a fault plan: arms each (re)started process with the
// faults still to come for it, turns crash and broker-fault reports into
// "fault fired" events, and replaces the plan when the UI or a script edits it.

import type { CrashPoint } from '../core/crashPoints';
import { FaultLedger, type FaultTargets, type FiredFault } from '../core/faults/faultLedger';
import type { Fault } from '../core/faults/faultPlan';
import { validateFaultPlan } from '../core/scenario/validate';
import type { Fact, ProcessName } from '../core/telemetry';
import type { ConductorEvent, RunMode } from './controller';
import type { ServiceConfig } from '../core/service/definition';
import type { ProcessHandle } from './processHandle';

export interface FaultControlDeps {
  proc(name: ProcessName): ProcessHandle;
  alive(): ProcessName[];
  /** Where the run stands when a fault fires: simulation time and (deterministic) step. */
  position(): { at: number; step: number | null };
  publish(events: ConductorEvent[]): void;
  /** A live run brings a process back when its planned outage is over; a deterministic run's scheduler does it. */
  live: boolean;
  restart(process: ProcessName): Promise<void>;
  isCrashed(process: ProcessName): boolean;
}

/** How often a live run looks whether a planned outage is over (simulation time moves with speed and pause). */
const OUTAGE_POLL_MS = 100;

export class FaultControl {
  private ledger: FaultLedger;
  private readonly targets: FaultTargets;
  private readonly outages = new Map<ProcessName, ReturnType<typeof setInterval>>();

  constructor(
    plan: Fault[],
    private readonly deps: FaultControlDeps,
  ) {
    this.ledger = new FaultLedger(plan);
    this.targets = {
      arm: (process, point, nth) => deps.proc(process).arm(point, nth),
      duplicateNext: (group, type) => deps.proc('broker').call('duplicateNext', group, type),
      delayNext: (group, type, ms) => deps.proc('broker').call('delayNext', group, type, ms),
      refusePublishes: (publishes) => deps.proc('broker').call('refusePublishes', publishes),
    };
  }

  get plan(): Fault[] {
    return [...this.ledger.plan];
  }

  slowness(group: string): number {
    return this.ledger.slowness(group);
  }

  /** A service's settings: the run's, with a live run's slow-consumer fault applied (a deterministic run grants it fewer steps instead). */
  liveConfig(name: ProcessName, config: ServiceConfig, mode: RunMode): ServiceConfig {
    const factor = this.slowness(name);
    if (factor <= 1 || mode === 'deterministic') return config;
    return {
      ...config,
      consumer: { ...config.consumer, delayMs: Math.max(config.consumer.delayMs, 50) * factor },
    };
  }

  /** What a new listener needs to hear: the plan and what of it already fired. */
  present(): ConductorEvent[] {
    return [
      { kind: 'fault-plan', plan: this.plan },
      ...this.ledger.firedFaults().map((f): ConductorEvent => ({ kind: 'fault-fired', ...f })),
    ];
  }

  /** A (re)started process gets the faults of the plan still to come for it. */
  arm(process: ProcessName): Promise<void> {
    return this.ledger.armProcess(process, this.targets);
  }

  onCrash(process: ProcessName, point: CrashPoint | 'manual'): void {
    const { at, step } = this.deps.position();
    const fired = this.ledger.onCrash(process, point, at, step);
    this.fired(fired);
    if (fired && this.deps.live && this.comesBackAt(process) > at) this.bringBackLater(process);
  }

  /** Simulation time before which `process` stays down (a planned outage); 0: no outage holds it. */
  comesBackAt(process: ProcessName): number {
    return this.ledger.comesBackAt(process);
  }

  /** Stops waiting for outages to end (the run is going away). */
  dispose(): void {
    for (const timer of this.outages.values()) clearInterval(timer);
    this.outages.clear();
  }

  private bringBackLater(process: ProcessName): void {
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

  onFact(fact: Fact): void {
    if (fact.kind !== 'broker-fault') return;
    const { at, step } = this.deps.position();
    this.fired(this.ledger.onBrokerFault(fact, at, step));
  }

  /**
   * Replaces the plan (checked as strictly as a share link's, against every process a shop run can have):
   * what already fired stays fired; the rest is armed afresh.
   */
  async replace(plan: Fault[]): Promise<void> {
    const checked = validateFaultPlan(plan, 'shop');
    if (!checked.ok) throw new Error(`not a valid fault plan: ${checked.problems.join('; ')}`);
    this.ledger = this.ledger.replan(checked.faults);
    const alive = this.deps.alive();
    await Promise.all(alive.map((p) => this.deps.proc(p).call(p === 'broker' ? 'clearFaults' : 'disarm')));
    await Promise.all(alive.map((p) => this.arm(p)));
    this.deps.publish([{ kind: 'fault-plan', plan: this.plan }]);
  }

  private fired(fired: FiredFault | null): void {
    if (fired) this.deps.publish([{ kind: 'fault-fired', ...fired }]);
  }
}
