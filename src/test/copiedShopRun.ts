// Test code: a shop run's real recorded facts by the thousand — the run
// copied with fresh ids and later times until there are that many, so every
// copy's orders are orders of their own (for the history views' tests and
// bench at the history's cap).

import type { RecordedFact } from '../runtime/historyReads';
import { recordedShopRun } from './recordedShopRun';
import { CRASH_AND_DUPLICATE } from './sampleRuns';

/** `count` facts: CRASH_AND_DUPLICATE's (past its step 0) again and again, each copy after the one before. */
export async function copiedShopRun(count: number): Promise<RecordedFact[]> {
  const run = (await recordedShopRun(CRASH_AND_DUPLICATE)).filter((f) => f.step! > 0);
  const text = JSON.stringify(run);
  const span = run.at(-1)!.at + 10;
  const out: RecordedFact[] = [];
  for (let copy = 0; out.length < count; copy++) {
    // Fresh CloudEvent and row ids per copy (hex ids stay hex: `evt-…` → `evt-<copy>…`).
    const facts = JSON.parse(
      text.replace(/"(evt|o|pay|res|shp)-/g, `"$1-${copy.toString(16)}`),
    ) as RecordedFact[];
    for (const f of facts) out.push({ ...f, seq: out.length, at: f.at + copy * span, step: null });
  }
  return out.slice(0, count);
}
