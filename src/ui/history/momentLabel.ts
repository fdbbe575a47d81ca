// How a history view names a moment: its step in a deterministic run, else
// its simulation time in seconds. One spelling for the sequence rows, the
// charts' marker and their tooltips.

export function momentLabel(at: number, step: number | null): string {
  return step !== null ? `step ${step}` : `${secondsText(at)} s`;
}

/** Simulation milliseconds as seconds, with a decimal while they are few. */
export function secondsText(ms: number): string {
  const s = ms / 1000;
  return s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s.toFixed(2);
}
