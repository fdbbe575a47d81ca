// What every page run by its own controller (CDC, event-sourced) keeps of the
// events all its processes tell — statuses, the checker's verdict, errors —
// as pure pieces each page's reducer folds in next to its own facts.

import type { CrashPoint } from '../../core/crashPoints';
import type { Anomaly } from '../../core/invariantCatalogue';
import type { ProcessStatus } from '../../runtime/controller';

export interface PageError {
  seq: number;
  code: string;
  message: string;
}

/** The facts every page shares; a page's data extends it. */
export interface PageData {
  anomalies: Anomaly[];
  anomalyCheck: { at: number; settled: boolean } | null;
  errors: PageError[];
  /** A poll that failed while every process was up: worth saying. */
  pollError: string | null;
  /** Numbers errors (and a page's other notes) so each can be dismissed by it. */
  seq: number;
}

const KEEP_ERRORS = 5;

export function initialPageData(): PageData {
  return { anomalies: [], anomalyCheck: null, errors: [], pollError: null, seq: 0 };
}

/** How a process is shown; `crashedAt` is where it died, as far as the page tells. */
interface ShownProcess<C> {
  status: ProcessStatus;
  crashedAt: C | 'manual' | null;
  armed: CrashPoint | null;
}

/** A process after a status event: where it died is kept while it stays down, the armed point only while it runs. */
export function afterStatus<C>(
  was: ShownProcess<C>,
  e: { status: ProcessStatus; armed?: CrashPoint | null },
): ShownProcess<C> {
  const crashedAt = e.status === 'crashed' ? (was.crashedAt ?? 'manual') : null;
  // A crashed or restarted process has no armed point left, whatever an older event said.
  const armed = e.status === 'running' ? (e.armed === undefined ? was.armed : e.armed) : null;
  return { status: e.status, crashedAt, armed };
}

export function afterCheck(
  e: { anomalies: Anomaly[]; settled: boolean },
  now: number,
): Pick<PageData, 'anomalies' | 'anomalyCheck'> {
  return { anomalies: e.anomalies, anomalyCheck: { at: now, settled: e.settled } };
}

/** The newest few errors are kept: an error storm must not grow the page without bound. */
export function afterError(
  s: Pick<PageData, 'errors' | 'seq'>,
  e: { code: string; message: string },
): Pick<PageData, 'errors' | 'seq'> {
  const err = { seq: s.seq + 1, code: e.code, message: e.message };
  return { seq: err.seq, errors: [...s.errors, err].slice(-KEEP_ERRORS) };
}

/** What every run's conductor tells that these pages do not show: the fault plan and the run's clock. */
const UNSHOWN = ['fault-plan', 'fault-fired', 'paused', 'timing', 'sim'] as const;
type Unshown = (typeof UNSHOWN)[number];

export function unshownOnPage<E extends { kind: string }>(e: E): e is Extract<E, { kind: Unshown }> {
  return (UNSHOWN as readonly string[]).includes(e.kind);
}
