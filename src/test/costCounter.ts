// Test code, never shipped: counts what the real service code asks of
// IndexedDB (fake-indexeddb's own classes, patched while a count is on) and
// of the wire (messages each BroadcastChannel instance receives), so the cost
// of an order can be read in requests, transactions and messages — figures
// that do not depend on how busy the machine is.

import { IDBCursor, IDBDatabase, IDBIndex, IDBObjectStore } from 'fake-indexeddb';

/** Counts per database ("payment", "broker", …) and object store. */
export interface CostCounts {
  /** Requests sent: each get, put, add, delete, count, getAll and cursor open or step. */
  requests: Map<string, number>;
  /** The same requests by method too: "payment.inbox.add". */
  methods: Map<string, number>;
  /** Transactions begun, by database and by the stores they cover (sorted, '+'-joined). */
  transactions: Map<string, number>;
  /** Messages received, by channel name's last part ("broker", "to/payment", "telemetry"). */
  messages: Map<string, number>;
}

const STORE_REQUESTS = ['get', 'getAll', 'getAllKeys', 'getKey', 'put', 'add', 'delete', 'clear', 'count'];
const CURSOR_OPENS = ['openCursor', 'openKeyCursor'];
const CURSOR_STEPS = ['continue', 'advance', 'continuePrimaryKey'];

/** The part of a database name after the run id: `mpp-<run>-payment` → payment. */
const processOf = (dbName: string) => dbName.split(/[-/]/).at(-1) ?? dbName;

type Patched = { proto: object; name: string; original: unknown };

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Starts counting; `stop()` puts fake-indexeddb back as it was and returns the counts. */
export function countCosts(): { counts: CostCounts; reset(): void; stop(): CostCounts } {
  const counts: CostCounts = {
    requests: new Map(),
    methods: new Map(),
    transactions: new Map(),
    messages: new Map(),
  };
  const patched: Patched[] = [];
  const patch = (proto: object, name: string, where: (self: never) => string) => {
    const original = (proto as Record<string, unknown>)[name];
    if (typeof original !== 'function') return;
    patched.push({ proto, name, original });
    (proto as Record<string, unknown>)[name] = function (this: never, ...args: unknown[]) {
      const at = where(this);
      bump(counts.requests, at);
      bump(counts.methods, `${at}.${name}`);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  };
  type StoreLike = { name: string; transaction: { db: { name: string } } };
  const ofStore = (s: StoreLike) => `${processOf(s.transaction.db.name)}.${s.name}`;
  for (const name of [...STORE_REQUESTS, ...CURSOR_OPENS]) {
    patch(IDBObjectStore.prototype, name, (s: StoreLike) => ofStore(s));
    patch(IDBIndex.prototype, name, (i: { objectStore: StoreLike }) => ofStore(i.objectStore));
  }
  for (const name of CURSOR_STEPS)
    patch(IDBCursor.prototype, name, (c: { source: StoreLike | { objectStore: StoreLike } }) =>
      ofStore('objectStore' in c.source ? c.source.objectStore : c.source),
    );
  const transaction = IDBDatabase.prototype.transaction;
  patched.push({ proto: IDBDatabase.prototype, name: 'transaction', original: transaction });
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, stores, ...rest) {
    const names = (typeof stores === 'string' ? [stores] : [...stores]).sort().join('+');
    bump(counts.transactions, `${processOf(this.name)}:${names}`);
    return transaction.call(this, stores, ...rest);
  } as typeof transaction;

  const listener = (event: Event) => {
    const name = (event.target as BroadcastChannel).name;
    bump(counts.messages, name.split('/').slice(2).join('/') || name);
  };
  const channelProto = BroadcastChannel.prototype;
  const originalOnmessage = Object.getOwnPropertyDescriptor(channelProto, 'onmessage');
  // Every instance that holds a handler receives (and copies) every message of its name: count each receipt.
  if (originalOnmessage?.set) {
    patched.push({ proto: channelProto, name: 'onmessage', original: originalOnmessage });
    Object.defineProperty(channelProto, 'onmessage', {
      configurable: true,
      get: originalOnmessage.get,
      set(this: BroadcastChannel, handler: ((e: MessageEvent) => void) | null) {
        originalOnmessage.set!.call(
          this,
          handler &&
            ((e: MessageEvent) => {
              listener(e);
              handler.call(this, e);
            }),
        );
      },
    });
  }
  const reset = () => {
    counts.requests.clear();
    counts.methods.clear();
    counts.transactions.clear();
    counts.messages.clear();
  };
  return {
    counts,
    reset,
    stop() {
      for (const { proto, name, original } of patched.reverse()) {
        if (name === 'onmessage') Object.defineProperty(proto, name, original as PropertyDescriptor);
        else (proto as Record<string, unknown>)[name] = original;
      }
      return counts;
    },
  };
}

/** Totals of a count map whose keys start with `prefix` (all of them without one). */
export function total(map: Map<string, number>, prefix = ''): number {
  let n = 0;
  for (const [key, value] of map) if (key.startsWith(prefix)) n += value;
  return n;
}
