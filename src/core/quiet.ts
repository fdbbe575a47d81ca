// Pure polling helper (no I/O of its own). Waiting for a quiet system: nothing unpublished, nothing unacknowledged,
// nothing running — seen several times in a row, because a message can be
// between two processes (on the wire) at the moment each of them reports.

import { systemClock, type Clock } from './clock';

/** `clock`: real time by default, since the timeout bounds how long a caller waits, whatever the run's pace. */
export async function waitForQuiet(
  owed: () => Promise<string | null>,
  timeoutMs: number,
  roundsNeeded = 3,
  pollMs = 40,
  clock: Clock = systemClock,
): Promise<void> {
  const deadline = clock.now() + timeoutMs;
  let quiet = 0;
  let last: string | null = 'not checked yet';
  while (quiet < roundsNeeded) {
    if (clock.now() > deadline) throw new Error(`still busy after ${timeoutMs} ms: ${last}`);
    await clock.sleep(pollMs);
    last = await owed().catch((error: Error) => error.message);
    quiet = last === null ? quiet + 1 : 0;
  }
}
