// (1) The bound: what this browser's IndexedDB does on this disk, raw (no
// Dexie), in one worker: sequential read-write transactions of one small row,
// and of 100 rows.

import { IDB_BOUND_SOURCE, runIdbBound } from './inPage.mjs';

export async function idbBound(page, { ms }) {
  const single = await page.evaluate(runIdbBound, [IDB_BOUND_SOURCE, { rowsPerTx: 1, ms, warmupMs: 300 }]);
  const hundred = await page.evaluate(runIdbBound, [IDB_BOUND_SOURCE, { rowsPerTx: 100, ms, warmupMs: 300 }]);
  return { singleRowCommitsPerSecond: single.commitsPerSecond, hundredRowsPerSecond: hundred.rowsPerSecond, hundredRowCommitsPerSecond: hundred.commitsPerSecond };
}
