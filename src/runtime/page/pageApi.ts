// What window.playground offers on every page run by a PageConductor (CDC,
// event-sourced): the run's id and scenario, when it is ready, its processes'
// status, crashes and restarts, settle and the checker's verdict. A page's
// API adds its own calls, and is told apart by `topology`.

import { CRASH_POINTS, isCrashPoint, type CrashPoint } from '../../core/crashPoints';
import { INVARIANTS } from '../../core/invariants';
import type { PlaygroundApi } from '../playgroundApi';
import type { PageConductor } from './PageConductor';
import { steppingApi } from '../stepping/steppingApi';

/** The part of a page's conductor the basics call. */
type PageRun<P extends string> = Pick<
  PageConductor<P, { kind: string }>,
  'runId' | 'scenario' | 'status' | 'crashNow' | 'crashAt' | 'restart' | 'settle' | 'anomalies' | 'stepping'
>;

export function pageApiBasics<T extends string, P extends string, Points>(
  topology: T,
  conductor: PageRun<P>,
  crashPoints: Points,
  started: Promise<void>,
) {
  return {
    topology,
    runId: conductor.runId,
    /** The points each process can crash at. */
    crashPoints,
    invariants: INVARIANTS,
    ready: () => started,
    scenario: () => conductor.scenario(),
    status: (process: P) => conductor.status(process),
    crashNow: (process: P) => conductor.crashNow(process),
    /** A script may pass any string: an unknown point is refused by name here, before a worker is asked. */
    crashAt(process: P, point: CrashPoint, nth?: number) {
      if (!isCrashPoint(point))
        throw new Error(`unknown crash point "${point}"; known: ${Object.keys(CRASH_POINTS).join(', ')}`);
      return conductor.crashAt(process, point, nth);
    },
    restart: (process: P) => conductor.restart(process),
    settle: (timeoutMs?: number) => conductor.settle(timeoutMs),
    anomalies: () => conductor.anomalies(),
    ...steppingApi(conductor),
  };
}

/**
 * Installs a page's API as window.playground. The global is typed as the shop's API (the shop's tests rely on it);
 * a page puts its own there, told apart by `topology`, and tests read it with that page's type.
 */
export function installPageApi<A extends { topology: string }>(api: A): void {
  (window as unknown as { playground: A | PlaygroundApi }).playground = api;
}
