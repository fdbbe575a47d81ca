// Which run this tab works on. A link carries its run id (`?run=…`), so
// reopening it — after a reload, or a closed tab — resumes that run from its
// databases. A tab holds a Web Lock on its run for as long as it lives, so two
// tabs never drive the same databases: the second one starts a fresh run.

import { PlaygroundError } from './errors';

const LOCK_WAIT_MS = 1500;

export interface RunClaim {
  runId: string;
  /** True when the link named this run and we could take it: its databases are resumed. */
  resumed: boolean;
}

function freshRunId(): string {
  return crypto.randomUUID().slice(0, 8);
}

/** Holds the run's lock until the page goes away; resolves whether we got it. */
function hold(runId: string, wait: boolean): Promise<boolean> {
  const locks = navigator.locks;
  if (!locks) return Promise.resolve(true); // no Web Locks: one tab per run is the user's to keep
  return new Promise((resolve) => {
    const options: LockOptions = wait ? { signal: AbortSignal.timeout(LOCK_WAIT_MS) } : { ifAvailable: true };
    locks
      .request(`mpp-run-${runId}`, options, (lock) => {
        resolve(lock !== null);
        return lock ? new Promise<void>(() => undefined) : undefined; // never released while the page lives
      })
      .catch(() => resolve(false)); // waited too long: another tab has it
  });
}

export async function claimRun(requested: string | null): Promise<RunClaim> {
  // A reload's old page may still be letting go of the lock: wait a moment for it.
  if (requested && /^[a-z0-9-]{4,40}$/i.test(requested) && (await hold(requested, true)))
    return { runId: requested, resumed: true };
  let runId = freshRunId();
  while (!(await hold(runId, false))) runId = freshRunId();
  return { runId, resumed: false };
}

/**
 * A workshop link names its run (`run: 'room-42'`): every browser of the workshop works on that one, resuming its
 * databases when they are there. Another tab of this browser holding it is refused, not sent to a fresh run.
 */
export async function claimWorkshopRun(run: string): Promise<RunClaim> {
  if (await hold(run, true)) return { runId: run, resumed: true };
  throw new PlaygroundError('WORKSHOP_TAB_OPEN', `workshop run ${run}`);
}
