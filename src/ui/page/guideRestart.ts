// A guide step that restarts a process (CDC, event-sourced pages): the crash
// an earlier step armed fires once the process gets there, which may be a
// moment after the call that led there returned — so wait for it first.

import type { ProcessStatus } from '../../runtime/controller';

export interface RestartDeps<P extends string> {
  controller: { status(process: P): ProcessStatus; restart(process: P): Promise<void> };
  /** Waits between looks at a process that is about to crash; tests pass a quick one. */
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function untilCrashed<P extends string>(
  process: P,
  deps: RestartDeps<P>,
  timeoutMs = 10_000,
): Promise<boolean> {
  const sleep = deps.sleep ?? wait;
  for (let waited = 0; deps.controller.status(process) !== 'crashed'; waited += 100) {
    if (waited >= timeoutMs) return false;
    await sleep(100);
  }
  return true;
}

/** Restarts `process` once it has crashed; a note for the step when it never did. */
export async function restartOnceCrashed<P extends string>(
  process: P,
  deps: RestartDeps<P>,
): Promise<string | null> {
  if (!(await untilCrashed(process, deps))) return `${process} had not crashed: nothing to restart.`;
  await deps.controller.restart(process);
  return null;
}
