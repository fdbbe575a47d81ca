import { describe, expect, it } from 'vitest';
import type { Row } from '../rows';
import { compareKeys, keyText } from './keyOrder';
import { SortedTable } from './sortedTable';
import { seededRandom } from '../random';

/** What a table should hold: a map by key, sorted only when asked. */
class Reference {
  readonly rows = new Map<string, { key: unknown; row: Row }>();
  set(key: unknown, row: Row) {
    this.rows.set(keyText(key), { key, row });
  }
  delete(key: unknown) {
    this.rows.delete(keyText(key));
  }
  copy(): Reference {
    const copy = new Reference();
    for (const [k, v] of this.rows) copy.rows.set(k, v);
    return copy;
  }
  sorted() {
    return [...this.rows.values()].sort((a, b) => compareKeys(a.key, b.key));
  }
}

function expectSame(table: SortedTable, ref: Reference) {
  const sorted = ref.sorted();
  expect(table.size).toBe(sorted.length);
  expect(table.keys()).toEqual(sorted.map((e) => e.key));
  expect(table.rows()).toEqual(sorted.map((e) => e.row));
}

/** Numbers, strings and arrays (compound keys): every kind of key the shop's tables use. */
function keyOf(next: () => number, spread: number): unknown {
  const n = Math.floor(next() * spread);
  const kind = n % 3;
  if (kind === 0) return n;
  if (kind === 1) return `k-${n}`;
  return ['topic', n % 4, n];
}

describe('SortedTable', () => {
  it('keeps rows in key order under puts and deletes, across splits and merges of its nodes', () => {
    const next = seededRandom(7);
    const table = SortedTable.empty();
    const ref = new Reference();
    for (let i = 0; i < 20_000; i++) {
      const key = keyOf(next, 6_000);
      // Deletes get more common halfway, so the tree also shrinks (and its nodes merge).
      if (next() < (i < 10_000 ? 0.2 : 0.7)) {
        table.delete(key);
        ref.delete(key);
      } else {
        const row = { i };
        table.set(key, row);
        ref.set(key, row);
      }
      if (i % 2_500 === 0) expectSame(table, ref);
    }
    expectSame(table, ref);
    for (const { key, row } of ref.rows.values()) expect(table.get(key)).toBe(row);
    expect(table.get('absent')).toBeUndefined();
  });

  it('keeps keys that only grow in order, and empties to nothing', () => {
    const table = SortedTable.empty();
    for (let i = 0; i < 5_000; i++) table.set(i, { i });
    expect(table.keys()).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
    for (let i = 0; i < 5_000; i++) table.delete(i);
    expect(table.size).toBe(0);
    expect(table.rows()).toEqual([]);
  });

  it('builds from rows in any order', () => {
    const rows = [{ id: 'b' }, { id: 3 }, { id: ['a', 1] }, { id: 'a' }, { id: 1 }];
    expect(SortedTable.of(rows, (r) => r.id).rows()).toEqual([
      { id: 1 },
      { id: 3 },
      { id: 'a' },
      { id: 'b' },
      { id: ['a', 1] },
    ]);
  });

  it('gives copies that stand alone: writing to one never changes another, however they were copied', () => {
    const next = seededRandom(11);
    let tables = [SortedTable.empty()];
    let refs = [new Reference()];
    for (let round = 0; round < 30; round++) {
      // Each round writes to every table, then copies a random one (a checkpoint, or a moment folded from one).
      tables.forEach((table, t) => {
        for (let i = 0; i < 300; i++) {
          const key = keyOf(next, 3_000);
          if (next() < 0.3) {
            table.delete(key);
            refs[t].delete(key);
          } else {
            const row = { round, i };
            table.set(key, row);
            refs[t].set(key, row);
          }
        }
      });
      const from = Math.floor(next() * tables.length);
      tables.push(tables[from].clone());
      refs.push(refs[from].copy());
      if (tables.length > 6) {
        tables = tables.slice(1);
        refs = refs.slice(1);
      }
      tables.forEach((table, t) => expectSame(table, refs[t]));
    }
  });
});
