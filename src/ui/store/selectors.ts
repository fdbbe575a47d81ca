// Derived views of the mirror. Results are cached by table identity: the mirror
// replaces a table's Map only when a row in it changed, so unchanged tables cost nothing.

import type { OutboxRow, Row, ServiceName } from '../../core/rows';
import { CHANGES_TABLE, type ChangeRow } from '../../core/cdc/changeEvent';
import { RELAY_POSITION_KEY } from '../../core/service/metaKeys';
import type { ProcessName } from '../../core/telemetry';
import { emptyActivity, STARTING } from './initialState';
import { DUPLICATES_META_KEY } from './schema';
import type { PlaygroundData, ProcessState, TableMap } from './types';

const EMPTY: TableMap = new Map();

export function table(state: Pick<PlaygroundData, 'mirror'>, service: ServiceName, name: string): TableMap {
  return state.mirror[service]?.[name] ?? EMPTY;
}

function cached<T>(): (map: TableMap, make: () => T) => T {
  const cache = new WeakMap<TableMap, T>();
  return (map, make) => {
    let value = cache.get(map);
    if (value === undefined) {
      value = make();
      cache.set(map, value);
    }
    return value;
  };
}

/** How many rows a table on the canvas shows at most. */
export const ROWS_SHOWN = 6;

const latestCache = cached<Row[]>();

/** The newest rows first (at most ROWS_SHOWN): by created_at where rows have one, else by arrival. */
export function latestRows(map: TableMap): Row[] {
  return latestCache(map, () => {
    const rows = [...map.values()];
    const stamped = rows.every((r) => typeof r.created_at === 'number');
    const ordered = stamped
      ? rows.sort((a, b) => (b.created_at as number) - (a.created_at as number))
      : rows.reverse();
    return ordered.slice(0, ROWS_SHOWN);
  });
}

export interface OutboxView {
  pending: number;
  published: number;
  /** Pending rows first (oldest first: the relay's next), then the newest published. */
  rows: OutboxRow[];
  /** The seqs of the shown rows still waiting for the relay. */
  pendingSeqs: ReadonlySet<number>;
}

const outboxCache = cached<OutboxView>();
const tailedCache = cached<WeakMap<TableMap, Map<number, OutboxView>>>();

/**
 * The outbox as its relay sees it. A polling relay marks rows published; a log-tailing one never
 * writes the outbox, so there a row is pending while its insert's change is past the relay's position.
 */
export function outboxView(map: TableMap, tail: LogTail | null = null): OutboxView {
  if (!tail) return outboxCache(map, () => splitOutbox(map, (r) => r.published_at == null));
  const byChanges = tailedCache(map, () => new WeakMap());
  let byPosition = byChanges.get(tail.changes);
  if (!byPosition) byChanges.set(tail.changes, (byPosition = new Map()));
  let view = byPosition.get(tail.position);
  if (!view) {
    const waiting = new Set(
      tail.unpublished.filter((c) => c.table === 'outbox' && c.op === 'c').map((c) => c.key as number),
    );
    byPosition.set(tail.position, (view = splitOutbox(map, (r) => waiting.has(r.seq!))));
  }
  return view;
}

function splitOutbox(map: TableMap, isPending: (row: OutboxRow) => boolean): OutboxView {
  const n = ROWS_SHOWN;
  const rows = [...map.values()] as unknown as OutboxRow[];
  const bySeq = (a: OutboxRow, b: OutboxRow) => (a.seq ?? a.created_at) - (b.seq ?? b.created_at);
  const pending = rows.filter(isPending).sort(bySeq);
  const published = rows.filter((r) => !isPending(r)).sort(bySeq);
  const shown = [...pending.slice(0, n), ...published.slice(-n).reverse()].slice(0, n);
  return {
    pending: pending.length,
    published: published.length,
    rows: shown,
    pendingSeqs: new Set(pending.map((r) => r.seq!)),
  };
}

/** A log-tailing relay's view of its service's change log: where it stands, and what it has not published yet. */
export interface LogTail {
  position: number;
  changes: TableMap;
  /** Changes past the position, oldest first. */
  unpublished: ChangeRow[];
  /** The newest changes, newest first, for the canvas. */
  latest: ChangeRow[];
}

const tailCache = cached<Map<number, LogTail>>();

/** Null unless the service's outbox is relayed by tailing its change log (the log or a stored position says so). */
export function logTailOf(state: Pick<PlaygroundData, 'mirror'>, service: ServiceName): LogTail | null {
  const changes = table(state, service, CHANGES_TABLE);
  const stored = table(state, service, 'meta').get(RELAY_POSITION_KEY)?.value as { seq: number } | undefined;
  if (!stored && changes.size === 0) return null;
  const position = stored?.seq ?? 0;
  const byPosition = tailCache(changes, () => new Map());
  let tail = byPosition.get(position);
  if (!tail) {
    const all = ([...changes.values()] as unknown as ChangeRow[]).sort((a, b) => a.seq! - b.seq!);
    tail = {
      position,
      changes,
      unpublished: all.filter((c) => c.seq! > position),
      latest: all.slice(-ROWS_SHOWN).reverse(),
    };
    byPosition.set(position, tail);
  }
  return tail;
}

/**
 * Skipped duplicates: the durable meta count, or what the last hydrate read plus
 * the live duplicate facts since, whichever is higher, so a fact reported both
 * ways is not counted twice.
 */
export function duplicatesSkipped(
  state: Pick<PlaygroundData, 'mirror' | 'activity'>,
  service: ServiceName,
): number {
  const meta = Number(table(state, service, 'meta').get(DUPLICATES_META_KEY)?.value ?? 0);
  const a = state.activity.services[service] ?? emptyActivity();
  return Math.max(meta, a.duplicatesAtHydrate + a.duplicatesSinceHydrate);
}

/** A participant's semantic locks: steps it compensated, and the late commands they turned away (the latest one's reason). */
export function semanticLocks(
  state: Pick<PlaygroundData, 'mirror'>,
  service: ServiceName,
): { locks: number; refused: number; last: string | null } {
  let locks = 0;
  let refused = 0;
  let last: string | null = null;
  for (const row of table(state, service, 'semantic_locks').values()) {
    locks++;
    refused += Number(row.refused ?? 0);
    if (row.lastRefused)
      last = `${String(row.lastRefused)} for ${String(row.orderId)}: ${String(row.step)} was compensated by ${String(row.compensation)}`;
  }
  return { locks, refused, last };
}

/** A process's state; one the run has not reported (yet) counts as starting. */
export function processOf(state: Pick<PlaygroundData, 'processes'>, name: ProcessName): ProcessState {
  return (state.processes as Partial<Record<ProcessName, ProcessState>>)[name] ?? STARTING;
}

/** Only an orchestrated run has an orchestrator process; the conductor reports it on subscribe. */
export function isOrchestrated(state: Pick<PlaygroundData, 'processes'>): boolean {
  return state.processes.orchestrator !== undefined;
}
