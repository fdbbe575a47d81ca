// IndexedDB's order of keys, so rows folded from facts come out in the order a
// table read gives them. Pure: no Dexie, no IndexedDB.

/** IndexedDB ranks key types: numbers < dates < strings < binary < arrays. */
function rank(key: unknown): number {
  if (typeof key === 'number') return 1;
  if (key instanceof Date) return 2;
  if (typeof key === 'string') return 3;
  if (Array.isArray(key)) return 5;
  return 4;
}

/** Compares two IndexedDB keys as `indexedDB.cmp` does (strings by UTF-16 code unit, arrays element by element). */
export function compareKeys(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 5) {
    const x = a as unknown[];
    const y = b as unknown[];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = compareKeys(x[i], y[i]);
      if (c) return c;
    }
    return x.length - y.length;
  }
  const x = ra === 2 ? (a as Date).getTime() : (a as number | string);
  const y = rb === 2 ? (b as Date).getTime() : (b as number | string);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A map key for an IndexedDB key: equal keys give equal text. */
export function keyText(key: unknown): string {
  return typeof key === 'string' ? key : JSON.stringify(key);
}
