// Code the benchmark installs in the page under test. Everything here runs in
// the browser: `installBench` is serialised into the page, and the observer is
// a worker of its own, so counting orders costs the main thread nothing.

/**
 * The order observer (worker source): listens to the run's telemetry channel,
 * as the conductor does, and counts orders reaching COMPLETED or CANCELLED.
 * A completion's time is its committing transaction's: the inbox row written
 * in the same commit carries it (processed_at); its start is the order row's created_at.
 */
function observer() {
  let channel = null;
  const done = new Set();
  let created = 0;
  let completed = 0;
  let cancelled = 0;
  /** [completedAt, latencyMs] of every completion since the last reset. */
  let samples = [];
  /** With `stages` on: per order, when each step's transaction started and each event was published. */
  let stages = null;
  const stage = (orderId) => {
    let s = stages.get(orderId);
    if (!s) stages.set(orderId, (s = {}));
    return s;
  };
  // Which table's new row marks a step's transaction, and its start time (the unit's `now`).
  const STEP_ROWS = { orders: 'order', payments: 'payment', reservations: 'inventory', shipments: 'shipping' };
  const recordStages = (fact) => {
    let inboxAt = null;
    for (const c of fact.changes) if (c.table === 'inbox' && c.op === 'put') inboxAt = c.row.processed_at;
    for (const c of fact.changes) {
      if (c.op !== 'put') continue;
      const r = c.row;
      if (c.table === 'outbox' && r.published_at) stage(r.aggregateid)[`published:${r.type}`] ??= r.published_at;
      else if (c.table === 'orders' && r.status === 'COMPLETED') stage(r.id)['txn:completed'] ??= inboxAt;
      else if (c.table in STEP_ROWS && (c.table !== 'orders' || r.status === 'PENDING')) stage(r.orderId ?? r.id)[`txn:${STEP_ROWS[c.table]}`] ??= r.created_at;
    }
  };
  self.onmessage = ({ data }) => {
    if (data.type === 'watch') {
      channel?.close();
      channel = new BroadcastChannel(`mpp/${data.runId}/telemetry`);
      stages = data.stages ? new Map() : null;
      channel.onmessage = ({ data: facts }) => {
        for (const fact of facts) {
          if (stages && fact.kind === 'commit') recordStages(fact);
          if (fact.kind !== 'commit' || fact.service !== 'order') continue;
          let at = null;
          for (const c of fact.changes) if (c.table === 'inbox' && c.op === 'put') at = c.row.processed_at;
          for (const c of fact.changes) {
            if (c.table !== 'orders' || c.op !== 'put') continue;
            const status = c.row.status;
            if (status === 'PENDING') created++;
            else if ((status === 'COMPLETED' || status === 'CANCELLED') && !done.has(c.key)) {
              done.add(c.key);
              if (status === 'CANCELLED') cancelled++;
              else {
                completed++;
                const t = at ?? Date.now();
                samples.push([t, t - c.row.created_at]);
              }
            }
          }
        }
      };
      self.postMessage({ reqId: data.reqId });
    } else if (data.type === 'stages') {
      self.postMessage({ reqId: data.reqId, stages: stages ? [...stages.values()] : [] });
    } else if (data.type === 'counts') {
      self.postMessage({ reqId: data.reqId, created, completed, cancelled, now: Date.now() });
    } else if (data.type === 'samples') {
      const out = samples;
      if (data.reset) samples = [];
      self.postMessage({ reqId: data.reqId, samples: out });
    }
  };
}

export const OBSERVER_SOURCE = `(${observer.toString()})()`;

/** The raw IndexedDB bound (worker source): sequential read-write transactions of `rowsPerTx` small rows each. */
function idbBound() {
  const open = (name) =>
    new Promise((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('rows', { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const commit = (db, first, count, payload) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction('rows', 'readwrite');
      const store = tx.objectStore('rows');
      for (let i = 0; i < count; i++) store.put({ id: first + i, payload, at: Date.now() });
      tx.oncomplete = resolve;
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  self.onmessage = async ({ data }) => {
    const { rowsPerTx, ms, warmupMs } = data;
    const name = `bench-idb-${rowsPerTx}-${Math.random().toString(36).slice(2)}`;
    const db = await open(name);
    // ~100 bytes of payload: about an outbox row's size without its event data.
    const payload = 'x'.repeat(100);
    let id = 0;
    const warmEnd = performance.now() + warmupMs;
    while (performance.now() < warmEnd) await commit(db, (id += rowsPerTx), rowsPerTx, payload);
    let txs = 0;
    const start = performance.now();
    const end = start + ms;
    while (performance.now() < end) {
      await commit(db, (id += rowsPerTx), rowsPerTx, payload);
      txs++;
    }
    const seconds = (performance.now() - start) / 1000;
    db.close();
    await new Promise((resolve) => {
      const del = indexedDB.deleteDatabase(name);
      del.onsuccess = del.onerror = del.onblocked = resolve;
    });
    self.postMessage({ commitsPerSecond: txs / seconds, rowsPerSecond: (txs * rowsPerTx) / seconds });
  };
}

export const IDB_BOUND_SOURCE = `(${idbBound.toString()})()`;

/**
 * The read bound (worker source): 10,000 event-shaped rows of one stream, read back whole with one
 * getAll through a [stream+version] index (what loading an aggregate does) and through the primary key.
 */
function idbRead() {
  self.onmessage = async ({ data }) => {
    const { rows, reads } = data;
    const name = `bench-idb-read-${Math.random().toString(36).slice(2)}`;
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('events', { keyPath: 'position' }).createIndex('sv', ['stream', 'version'], { unique: true });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction('events', 'readwrite');
      const store = tx.objectStore('events');
      for (let i = 1; i <= rows; i++) store.put({ position: i, stream: 'big', version: i, type: 'ItemAdded', schema: 2, data: { sku: `SKU-${i % 7}`, qty: 1, price: 12 }, at: Date.now() });
      tx.oncomplete = resolve;
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
    const time = (read) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const req = read(db.transaction('events', 'readonly').objectStore('events'));
        req.onsuccess = () => resolve(performance.now() - started);
        req.onerror = () => reject(req.error);
      });
    const byIndex = [];
    const byKey = [];
    for (let i = 0; i < reads; i++) {
      byIndex.push(await time((s) => s.index('sv').getAll(IDBKeyRange.bound(['big', 0], ['big', Infinity]))));
      byKey.push(await time((s) => s.getAll(IDBKeyRange.bound(1, rows))));
    }
    db.close();
    await new Promise((resolve) => {
      const del = indexedDB.deleteDatabase(name);
      del.onsuccess = del.onerror = del.onblocked = resolve;
    });
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    self.postMessage({ byIndexMs: median(byIndex), byKeyMs: median(byKey) });
  };
}

export const IDB_READ_SOURCE = `(${idbRead.toString()})()`;

/**
 * Installed in the page as window.__bench: the observer, a load generator that offers
 * orders at a steady rate through window.playground, and the canvas probes.
 */
export function installBench(observerSource) {
  if (window.__bench) return;
  const worker = new Worker(URL.createObjectURL(new Blob([observerSource], { type: 'text/javascript' })));
  let next = 0;
  const waiting = new Map();
  worker.onmessage = ({ data }) => {
    waiting.get(data.reqId)?.(data);
    waiting.delete(data.reqId);
  };
  const ask = (message) =>
    new Promise((resolve) => {
      const reqId = ++next;
      waiting.set(reqId, resolve);
      worker.postMessage({ ...message, reqId });
    });

  let load = null;
  const probe = { tasks: [], gaps: [], raf: 0, observer: null, last: 0 };

  window.__bench = {
    watch: (stages = false) => ask({ type: 'watch', runId: window.playground.runId, stages }),
    /** With watch(true): per order, each step's transaction start and each event's publish time. */
    stages: () => ask({ type: 'stages' }).then((r) => r.stages),
    counts: () => ask({ type: 'counts' }),
    samples: (reset = false) => ask({ type: 'samples', reset }).then((r) => r.samples),
    /** Offers `rate` orders a second (placed one per call, each its own transaction), until stopLoad(). */
    startLoad(rate) {
      const started = performance.now();
      load = { placed: 0, failed: 0, timer: 0 };
      const state = load;
      const tick = () => {
        const due = Math.floor(((performance.now() - started) / 1000) * rate);
        while (state.placed + state.failed < due) {
          state.placed++;
          window.playground.placeOrder().catch(() => {
            state.placed--;
            state.failed++;
          });
        }
      };
      state.timer = setInterval(tick, 10);
    },
    stopLoad() {
      if (!load) return { placed: 0, failed: 0 };
      clearInterval(load.timer);
      const { placed, failed } = load;
      load = null;
      return { placed, failed };
    },
    placed: () => (load ? load.placed : 0),
    /** Starts recording long tasks and the gaps between animation frames. */
    startProbe() {
      probe.tasks = [];
      probe.gaps = [];
      probe.observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) probe.tasks.push([e.startTime, e.duration]);
      });
      probe.observer.observe({ type: 'longtask', buffered: false });
      probe.last = performance.now();
      const frame = (t) => {
        probe.gaps.push(t - probe.last);
        probe.last = t;
        probe.raf = requestAnimationFrame(frame);
      };
      probe.raf = requestAnimationFrame(frame);
      return probe.last;
    },
    stopProbe() {
      cancelAnimationFrame(probe.raf);
      probe.observer?.disconnect();
      return { tasks: probe.tasks, gaps: probe.gaps };
    },
  };
}

/** Runs the raw IndexedDB bound in a worker of its own, in the page's origin (the same on-disk storage). */
export function runIdbBound([source, options]) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    worker.onmessage = ({ data }) => {
      worker.terminate();
      resolve(data);
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(options);
  });
}
