// One table's rows kept in IndexedDB key order, as a copy-on-write B+ tree.
// Kept sorted so a moment reads a table without sorting it (a moment at
// 100,000 facts has about 125,000 rows), and copy-on-write so a copy costs
// nothing until it changes: a copy and its original share every node, and a
// write copies only the path to the leaf it changes. So checkpoints of the
// folded state hold what changed between them, not whole states. Pure data:
// rows are never changed in place.

import type { Row } from '../rows';
import { compareKeys } from './keyOrder';

/** Slots in a node: wide, so the tree is shallow (3 levels hold 260,000 rows) and a copied path is short. */
const MAX = 64;
/** A node with fewer slots than this is merged into a neighbour when they fit in one. */
const MIN = MAX / 4;

/** Whose a node is: a table writes in place only into nodes it made since it was last copied. */
type Owner = object;

interface Leaf {
  owner: Owner;
  keys: unknown[];
  rows: Row[];
}

/** `keys[i]` (i ≥ 1) is at most every key under `children[i]` and above every key under `children[i - 1]`. */
interface Branch {
  owner: Owner;
  keys: unknown[];
  children: Node[];
}

type Node = Leaf | Branch;

const isLeaf = (node: Node): node is Leaf => 'rows' in node;
/** The smallest key under `node`. */
const firstKey = (node: Node): unknown => (isLeaf(node) ? node.keys[0] : firstKey(node.children[0]));
const slots = (node: Node) => node.keys.length;

/** The first index whose key is not below `key`. */
function lowerBound(keys: readonly unknown[], key: unknown): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(keys[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The child of `branch` that holds `key`, if anything does. */
function route(branch: Branch, key: unknown): number {
  let lo = 1;
  let hi = branch.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(branch.keys[mid], key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export class SortedTable {
  private owner: Owner = {};

  private constructor(
    private root: Node,
    private count: number,
  ) {}

  static empty(): SortedTable {
    const table = new SortedTable({ owner: {}, keys: [], rows: [] }, 0);
    (table.root as Leaf).owner = table.owner;
    return table;
  }

  /** A table of `rows`, in any order, each keyed by `keyOf`. */
  static of(rows: readonly Row[], keyOf: (row: Row) => unknown): SortedTable {
    const table = SortedTable.empty();
    for (const row of rows) table.set(keyOf(row), row);
    return table;
  }

  /** The rows `keep` says yes to, in a new table built in one pass (no row is copied). */
  filtered(keep: (row: Row) => boolean): SortedTable {
    const table = SortedTable.empty();
    const keys: unknown[] = [];
    const rows: Row[] = [];
    this.forEachEntry((key, row) => {
      if (!keep(row)) return;
      keys.push(key);
      rows.push(row);
    });
    if (!keys.length) return table;
    const owner = table.owner;
    // Full leaves, as keys only growing leave them, then branches over them until one node holds the rest.
    let level: Node[] = [];
    for (let i = 0; i < keys.length; i += MAX)
      level.push({ owner, keys: keys.slice(i, i + MAX), rows: rows.slice(i, i + MAX) });
    while (level.length > 1) {
      const up: Node[] = [];
      for (let i = 0; i < level.length; i += MAX) {
        const children = level.slice(i, i + MAX);
        up.push({ owner, keys: [undefined, ...children.slice(1).map(firstKey)], children });
      }
      level = up;
    }
    table.root = level[0];
    table.count = keys.length;
    return table;
  }

  get size(): number {
    return this.count;
  }

  /** A copy that shares every node with this table; from now on both copy a shared node before writing to it. */
  clone(): SortedTable {
    this.owner = {};
    return new SortedTable(this.root, this.count);
  }

  get(key: unknown): Row | undefined {
    let node = this.root;
    while (!isLeaf(node)) node = node.children[route(node, key)];
    const i = lowerBound(node.keys, key);
    return i < node.keys.length && compareKeys(node.keys[i], key) === 0 ? node.rows[i] : undefined;
  }

  /** Puts `row` at `key`, replacing what was there. */
  set(key: unknown, row: Row): void {
    const root = (this.root = this.writable(this.root));
    const split = this.insert(root, key, row);
    if (split) this.root = { owner: this.owner, keys: [undefined, split.key], children: [root, split.node] };
  }

  delete(key: unknown): void {
    if (this.get(key) === undefined) return;
    const root = (this.root = this.writable(this.root));
    this.remove(root, key);
    this.count--;
    if (!isLeaf(root) && root.children.length === 1) this.root = root.children[0];
  }

  /** Every row, in key order. */
  rows(): Row[] {
    const out = new Array<Row>(this.count);
    let n = 0;
    const walk = (node: Node) => {
      if (isLeaf(node)) for (const row of node.rows) out[n++] = row;
      else for (const child of node.children) walk(child);
    };
    walk(this.root);
    return out;
  }

  /**
   * Every leaf's rows, in key order, and whether that array is shared: a shared array never changes again (a write
   * copies it first), so what is read from it may be kept, keyed by the array.
   */
  forEachLeaf(visit: (rows: readonly Row[], shared: boolean) => void): void {
    const walk = (node: Node) => {
      if (isLeaf(node)) visit(node.rows, node.owner !== this.owner);
      else for (const child of node.children) walk(child);
    };
    walk(this.root);
  }

  /** Every key and its row, in key order. */
  forEachEntry(visit: (key: unknown, row: Row) => void): void {
    const walk = (node: Node) => {
      if (isLeaf(node)) for (let i = 0; i < node.keys.length; i++) visit(node.keys[i], node.rows[i]);
      else for (const child of node.children) walk(child);
    };
    walk(this.root);
  }

  /** Every key, in order (for tests and checks). */
  keys(): unknown[] {
    const out: unknown[] = [];
    const walk = (node: Node) => {
      if (isLeaf(node)) out.push(...node.keys);
      else for (const child of node.children) walk(child);
    };
    walk(this.root);
    return out;
  }

  private writable<N extends Node>(node: N): N {
    if (node.owner === this.owner) return node;
    return isLeaf(node)
      ? ({ owner: this.owner, keys: node.keys.slice(), rows: node.rows.slice() } as Leaf as N)
      : ({ owner: this.owner, keys: node.keys.slice(), children: node.children.slice() } as Branch as N);
  }

  /** Puts into `node` (writable); returns the new right sibling when `node` had to split. */
  private insert(node: Node, key: unknown, row: Row): { key: unknown; node: Node } | null {
    let at: number;
    if (isLeaf(node)) {
      at = lowerBound(node.keys, key);
      if (at < node.keys.length && compareKeys(node.keys[at], key) === 0) {
        node.rows[at] = row;
        return null;
      }
      node.keys.splice(at, 0, key);
      node.rows.splice(at, 0, row);
      this.count++;
    } else {
      const i = route(node, key);
      const child = (node.children[i] = this.writable(node.children[i]));
      const split = this.insert(child, key, row);
      if (!split) return null;
      at = i + 1;
      node.keys.splice(at, 0, split.key);
      node.children.splice(at, 0, split.node);
    }
    if (slots(node) <= MAX) return null;
    // Keys that only grow (offsets, sequence numbers) always land at the end: split off just the last there, so
    // nodes stay full rather than half full.
    const h = at === slots(node) - 1 ? slots(node) - 1 : slots(node) >> 1;
    const right: Node = isLeaf(node)
      ? { owner: this.owner, keys: node.keys.splice(h), rows: node.rows.splice(h) }
      : { owner: this.owner, keys: node.keys.splice(h), children: node.children.splice(h) };
    return { key: right.keys[0], node: right };
  }

  /** Removes `key`, which is there, from `node` (writable). */
  private remove(node: Node, key: unknown): void {
    if (isLeaf(node)) {
      const i = lowerBound(node.keys, key);
      node.keys.splice(i, 1);
      node.rows.splice(i, 1);
      return;
    }
    const i = route(node, key);
    const child = (node.children[i] = this.writable(node.children[i]));
    this.remove(child, key);
    if (slots(child) < MIN) this.merge(node, i);
  }

  /** Merges the child `i` of `parent` with a neighbour when both fit in one node (a small node is only slower). */
  private merge(parent: Branch, i: number): void {
    const l = i > 0 ? i - 1 : i;
    const r = l + 1;
    if (r >= parent.children.length) return;
    const right = parent.children[r];
    if (slots(parent.children[l]) + slots(right) > MAX) return;
    const left = (parent.children[l] = this.writable(parent.children[l]));
    if (isLeaf(left)) {
      left.keys.push(...right.keys);
      left.rows.push(...(right as Leaf).rows);
    } else {
      // The right node's first key bounds nothing below it; the parent's separator does.
      left.keys.push(parent.keys[r], ...right.keys.slice(1));
      left.children.push(...(right as Branch).children);
    }
    parent.keys.splice(r, 1);
    parent.children.splice(r, 1);
  }
}
