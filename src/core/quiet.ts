// Pure polling helper (no I/O of its own). Waiting for a quiet system: nothing unpublished, nothing unacknowledged,
// nothing running — seen several times in a row, because a message can be
// between two processes (on the wire) at the moment each of them reports.

export async function waitForQuiet(
  owed: () => Promise<string | null>,
  timeoutMs: number,
  roundsNeeded = 3,
  pollMs = 40,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  let last: string | null = 'not checked yet';
  while (quiet < roundsNeeded) {
    if (Date.now() > deadline) throw new Error(`still busy after ${timeoutMs} ms: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    last = await owed().catch((error: Error) => error.message);
    quiet = last === null ? quiet + 1 : 0;
  }
}
