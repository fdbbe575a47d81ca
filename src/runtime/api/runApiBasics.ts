// What window.playground offers in every run, whatever its topology: the run's
// id, topology and scenario, when it is ready, its processes' status, crashes
// and restarts, settle and the checker's verdict, and the deterministic
// basics (where the scheduler stands, step, run to the end, trace, state
// hash, snapshot), and the run's recorded history: any past moment in
// snapshot()'s shape, the facts themselves, and an item's causal chain. A
// topology's API adds its own calls beside these.

import { isCrashPoint, type CrashPoint } from '../../core/crashPoints';
import { INVARIANTS, type Anomaly } from '../../core/invariantCatalogue';
import type { Fault } from '../../core/faults/faultPlan';
import type { Scenario, Topology } from '../../core/scenario/scenario';
import type { ProcessStatus, RunMode, SimState } from '../controller';
import type { Conductor } from '../run/Conductor';
import type { Inspection } from '../../core/history/historySpec';
import type { Moment, RecordedFact } from '../run/runHistory';

/** `T`: the topology (tells one API from another); `P`: its processes; `Points`: where they crash; `S`: its snapshot. */
export interface RunApiBasics<T extends Topology, P extends string, Points, S> {
  readonly topology: T;
  readonly runId: string;
  /** The points the run's processes can crash at. */
  readonly crashPoints: Points;
  readonly invariants: typeof INVARIANTS;
  readonly mode: RunMode;
  /** Resolves when every process has started. */
  ready(): Promise<void>;
  /** The run as a scenario now. */
  scenario(): Scenario;
  status(process: P): ProcessStatus;
  /** Arms a crash for the `nth` time (default 1) the process reaches `point` (a logical trigger); resolves once armed. */
  crashAt(process: P, point: CrashPoint, nth?: number): Promise<void>;
  crashNow(process: P): void;
  restart(process: P): Promise<void>;
  /** Resolves once nothing is owed anywhere (deterministic: once run to its end), then checks the invariants. */
  settle(timeoutMs?: number): Promise<void>;
  anomalies(): Anomaly[];
  /** Where the scheduler stands: steps granted, simulation time, trace hash, done. */
  sim(): SimState;
  /** Deterministic runs: grant one step. */
  step(): Promise<void>;
  /** Deterministic runs: grant steps until nothing is left, then check the invariants. */
  runToEnd(): Promise<void>;
  /** Deterministic runs: one line per granted step. */
  trace(): string[];
  /** A fingerprint of the run's databases: equal end states hash equal. */
  stateHash(): Promise<string>;
  /** What the checker reads of every database (in a deterministic run, between two steps). */
  snapshot(): Promise<S>;
  /**
   * The whole run as of `moment` — a step number in a deterministic run (0: as it started), or `{ time }`
   * (simulation time) in any run — folded from the recorded committed facts, in snapshot()'s shape. Refused,
   * naming the oldest one kept, for a moment older than the history's cap keeps.
   */
  at(moment: Moment): Promise<S>;
  /** The recorded facts still kept (at most 100,000), in order: each with its simulation time and step (or null). */
  history(): Promise<RecordedFact[]>;
  /**
   * `kind` a table name (`orders`, `outbox`, `inbox`, …), `record`, `saga`, `event` or `change`, or `service/kind`
   * for one service's (`payment/inbox`: two consumers' inbox rows of one message share its id); `id` its key (an
   * outbox row or record by its CloudEvent id). The item whole, the fact that wrote it, and its causal chain: what
   * caused it and what it caused, each link with its kind, service and id. As of now, or of `moment`.
   */
  inspect(kind: string, id: string, moment?: Moment): Promise<Inspection>;
  /** A live run: pause or resume its processes' own loops. A deterministic one: stop or start granting steps by itself. */
  play(): void;
  pause(): void;
  /** Simulation time `speed` times as fast; in a deterministic run, steps per second. */
  setSpeed(speed: number): void;
  /** The fault plan, with what each fault aims at. */
  faultPlan(): Fault[];
  /** Replaces the fault plan (validated like a share link's, against this run's topology); faults already fired stay fired. */
  setFaultPlan(plan: Fault[]): Promise<void>;
}

/** The part of the one conductor the basics call. */
type Run<P extends string, S> = Pick<
  Conductor<P, { kind: string }>,
  | 'runId'
  | 'mode'
  | 'scenario'
  | 'status'
  | 'crashNow'
  | 'crashAt'
  | 'restart'
  | 'settle'
  | 'anomalies'
  | 'simState'
  | 'step'
  | 'runToEnd'
  | 'trace'
  | 'stateHash'
  | 'consistentSnapshot'
  | 'play'
  | 'pause'
  | 'setSpeed'
  | 'faultPlan'
  | 'setFaultPlan'
  | 'recordedFacts'
  | 'inspect'
> & { snapshot(): Promise<S>; at(moment: Moment): Promise<unknown> };

export interface BasicsOf<T extends Topology, Points> {
  topology: T;
  crashPoints: Points;
  /** The points a script is told of when it names one that does not exist. */
  knownPoints: readonly CrashPoint[];
  started: Promise<void>;
}

export function runApiBasics<T extends Topology, P extends string, Points, S>(
  conductor: Run<P, S>,
  { topology, crashPoints, knownPoints, started }: BasicsOf<T, Points>,
): RunApiBasics<T, P, Points, S> {
  return {
    topology,
    runId: conductor.runId,
    crashPoints,
    invariants: INVARIANTS,
    mode: conductor.mode,
    ready: () => started,
    scenario: () => conductor.scenario(),
    status: (process) => conductor.status(process),
    // A script may pass any string: an unknown point is refused by name here, before a worker is asked.
    crashAt(process, point, nth) {
      if (!isCrashPoint(point))
        throw new Error(`unknown crash point "${point}"; known: ${knownPoints.join(', ')}`);
      return conductor.crashAt(process, point, nth);
    },
    crashNow: (process) => conductor.crashNow(process),
    restart: (process) => conductor.restart(process),
    settle: (timeoutMs) => conductor.settle(timeoutMs),
    anomalies: () => conductor.anomalies(),
    sim: () => conductor.simState(),
    step: () => conductor.step(),
    runToEnd: () => conductor.runToEnd(),
    trace: () => conductor.trace(),
    stateHash: () => conductor.stateHash(),
    snapshot: () => conductor.consistentSnapshot() as Promise<S>,
    at: async (moment) => (await conductor.at(moment)) as S,
    history: () => conductor.recordedFacts(),
    inspect: (kind, id, moment) => conductor.inspect(kind, id, moment),
    play: () => conductor.play(),
    pause: () => conductor.pause(),
    setSpeed: (speed) => conductor.setSpeed(speed),
    faultPlan: () => conductor.faultPlan,
    setFaultPlan: (plan) => conductor.setFaultPlan(plan),
  };
}
