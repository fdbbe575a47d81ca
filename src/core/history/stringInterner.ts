// The facts reach the page by structured clone, which makes a fresh copy of
// every string in them: the same order id, event type, topic, status and
// customer name come again in thousands of facts, and the history keeps them
// all (a minute of heavy traffic held 350,000 strings, most of them repeats).
// Interned, equal strings share one copy. The table is bounded: two
// generations, the older dropped when the newer fills, so a string still in
// use moves up and one no longer seen is let go.

/** Strings longer than this are not interned: ids, names and words are short, payload text seldom repeats. */
const LONGEST = 64;

export class StringInterner {
  private current = new Map<string, string>();
  private previous = new Map<string, string>();

  constructor(private readonly generation = 50_000) {}

  /** The one copy of `s` kept so far (`s` itself when it is the first). */
  intern(s: string): string {
    if (s.length > LONGEST) return s;
    const kept = this.current.get(s);
    if (kept !== undefined) return kept;
    const copy = this.previous.get(s) ?? s;
    if (this.current.size >= this.generation) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(s, copy);
    return copy;
  }

  /** Strings the table holds: at most two generations' worth. */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  /** `value` with every string in it (in objects and arrays, as structured clone makes them) interned, in place. */
  internAll<T>(value: T): T {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.internValue(value[i]);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key in record) record[key] = this.internValue(record[key]);
    }
    return value;
  }

  private internValue(v: unknown): unknown {
    if (typeof v === 'string') return this.intern(v);
    if (v !== null && typeof v === 'object') return this.internAll(v);
    return v;
  }
}
