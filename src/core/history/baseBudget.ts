// What the history's base may hold. Past its cap the history folds the facts
// it forgets into a base: the databases as of the oldest kept moment. Left
// alone the base would hold every row the run ever wrote, as big as the
// databases grow, so memory would grow for as long as the run goes. Instead
// it holds at most BASE_BUDGET.rows rows; past that it lets go of the rows
// written longest ago (a finished order, an old inbox row) until it holds
// about BASE_BUDGET.keep, and never takes a table below BASE_BUDGET.tableFloor
// rows, so the small tables a moment needs whole (topics, settings, a relay's
// position) are never touched. A row let go is missing from every moment
// rebuilt afterwards until a later fact writes it again; the history counts
// them and says so (HistoryStats.rowsLetGo). Pure.

import type { Row } from '../rows';

export interface BaseBudget {
  /** Rows the base holds at most. */
  rows: number;
  /** Rows it keeps once it lets go (lower than `rows`, so it lets go now and then, in one go). */
  keep: number;
  /** A table holding this many rows or fewer is never let go of. */
  tableFloor: number;
}

export const BASE_BUDGET: BaseBudget = { rows: 100_000, keep: 60_000, tableFloor: 1_000 };

/** One table of the base, as the budget walks it. */
export interface BudgetedTable {
  size: number;
  /** Its rows leaf by leaf; `shared`: that array never changes again (see SortedTable.forEachLeaf). */
  forEachLeaf(visit: (rows: readonly Row[], shared: boolean) => void): void;
}

/**
 * When each row was first seen by a budget check: rows are never changed in place (a write puts a new object),
 * so a row's object stands for one write of it, and the oldest-seen objects are the rows written longest ago.
 * One per history (its base and every copy of it share it); entries go with their rows.
 */
export class RowAges {
  private readonly seen = new WeakMap<Row, number>();
  /** A leaf that never changes again, counted by age once: a check reads only the leaves new since the last. */
  private readonly leaves = new WeakMap<readonly Row[], Map<number, number>>();
  private generation = 0;

  /** The check that first saw `row` (0: none yet). */
  of(row: Row): number {
    return this.seen.get(row) ?? 0;
  }

  /**
   * Stamps the rows not seen before, and says per table to shrink which of its rows go: nothing while the tables
   * hold at most `budget.rows`. So a table is rebuilt in one pass rather than row by row.
   */
  overBudget<T extends BudgetedTable>(tables: readonly T[], budget: BaseBudget): Map<T, OldestRows> {
    const now = ++this.generation;
    const total = tables.reduce((n, t) => n + t.size, 0);
    const over = total > budget.rows;
    const agesOf = new Map<T, Map<number, number>>();
    for (const t of tables) {
      const ages = new Map<number, number>();
      if (over && t.size > budget.tableFloor) agesOf.set(t, ages);
      t.forEachLeaf((rows, shared) => {
        let counted = shared ? this.leaves.get(rows) : undefined;
        if (!counted) {
          counted = new Map();
          for (const row of rows) {
            let age = this.seen.get(row);
            if (age === undefined) this.seen.set(row, (age = now));
            counted.set(age, (counted.get(age) ?? 0) + 1);
          }
          if (shared) this.leaves.set(rows, counted);
        }
        for (const [age, n] of counted) ages.set(age, (ages.get(age) ?? 0) + n);
      });
    }
    const cuts = new Map<T, OldestRows>();
    if (!over) return cuts;
    // As many rows go as the base holds past what it keeps, the oldest first, each table down to its floor.
    const all = new Map<number, number>();
    for (const ages of agesOf.values()) for (const [age, n] of ages) all.set(age, (all.get(age) ?? 0) + n);
    const cut = oldest(all, total - budget.keep);
    let partial = cut.alsoOfAge;
    for (const [t, ages] of agesOf) {
      let wanted = 0;
      for (const [age, n] of ages) if (age < cut.below) wanted += n;
      const ofCut = Math.min(partial, ages.get(cut.below) ?? 0);
      partial -= ofCut;
      const letGo = Math.min(wanted + ofCut, t.size - budget.tableFloor);
      if (letGo > 0) cuts.set(t, oldest(ages, letGo));
    }
    return cuts;
  }
}

/** Which rows of a table go: every one first seen before the check `below`, and the first `alsoOfAge` (in key order) of it. */
export interface OldestRows {
  below: number;
  alsoOfAge: number;
}

/** The `count` oldest of rows counted by age, as a cut. */
function oldest(ages: ReadonlyMap<number, number>, count: number): OldestRows {
  let left = count;
  const sorted = [...ages].sort((a, b) => a[0] - b[0]);
  for (const [age, n] of sorted) {
    if (left < n) return { below: age, alsoOfAge: left };
    left -= n;
  }
  return { below: (sorted.at(-1)?.[0] ?? 0) + 1, alsoOfAge: 0 };
}

/** The rows a cut keeps, asked in key order (it counts the rows of its age it has let go). */
export function keptBy(cut: OldestRows, ages: RowAges): (row: Row) => boolean {
  let ofAge = 0;
  return (row) => {
    const age = ages.of(row);
    if (age !== cut.below) return age > cut.below;
    return ofAge++ >= cut.alsoOfAge;
  };
}
