// (1) The bound: what this browser's IndexedDB does on this disk, raw (no
// Dexie), in one worker: sequential read-write transactions of one small row,
// and of 100 rows; and reading 10,000 event-shaped rows back with one getAll
// (the floor under loading a 10,000-event aggregate without snapshots).

import { IDB_BOUND_SOURCE, IDB_READ_SOURCE, runIdbBound } from './inPage.mjs';

export async function idbBound(page, { ms }) {
  const single = await page.evaluate(runIdbBound, [IDB_BOUND_SOURCE, { rowsPerTx: 1, ms, warmupMs: 300 }]);
  const hundred = await page.evaluate(runIdbBound, [IDB_BOUND_SOURCE, { rowsPerTx: 100, ms, warmupMs: 300 }]);
  const read = await page.evaluate(runIdbBound, [IDB_READ_SOURCE, { rows: 10_000, reads: 5 }]);
  return {
    singleRowCommitsPerSecond: single.commitsPerSecond,
    hundredRowsPerSecond: hundred.rowsPerSecond,
    hundredRowCommitsPerSecond: hundred.commitsPerSecond,
    read10kByIndexMs: read.byIndexMs,
    read10kByKeyMs: read.byKeyMs,
  };
}
