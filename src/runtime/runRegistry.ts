// Keeps IndexedDB from filling up with old runs: every open tab marks its run
// as alive; at start-up, databases of runs no tab has touched for a while are
// deleted. Another tab's live run is never touched.

const KEY = 'mpp-runs';
const HEARTBEAT_MS = 10_000;
// A link to a run keeps working for a day after its last tab closed.
const STALE_MS = 24 * 60 * 60_000;

function read(): Record<string, number> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

export function keepRunAlive(runId: string): () => void {
  const beat = () => {
    const runs = read();
    runs[runId] = Date.now();
    localStorage.setItem(KEY, JSON.stringify(runs));
  };
  beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  return () => clearInterval(timer);
}

export async function deleteStaleRuns(currentRunId: string): Promise<void> {
  if (!indexedDB.databases) return;
  const names = await indexedDB.databases();
  // Read the heartbeats after listing: a run that started meanwhile (a second frame of a compare
  // page) has beaten before it created its databases, so it is seen as alive.
  const runs = read();
  const now = Date.now();
  const stale = (run: string) => run !== currentRunId && now - (runs[run] ?? 0) > STALE_MS;
  // A workshop's run name has dashes (room-42): a database of a known run is that run's, whatever its name holds.
  const known = [currentRunId, ...Object.keys(runs)].sort((a, b) => b.length - a.length);
  for (const { name } of names) {
    const run = known.find((r) => name?.startsWith(`mpp-${r}-`)) ?? name?.match(/^mpp-([0-9a-z]+)-/)?.[1];
    if (name && run && stale(run)) indexedDB.deleteDatabase(name);
  }
  const latest = read();
  for (const run of Object.keys(latest)) if (stale(run) && now - latest[run] > STALE_MS) delete latest[run];
  localStorage.setItem(KEY, JSON.stringify(latest));
}
