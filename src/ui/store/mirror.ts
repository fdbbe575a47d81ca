// Pure mirror maintenance: a service's tables rebuilt from a hydrate dump and
// patched by commits. Copy-on-write per batch, so a table Map changes identity
// only when one of its rows changed, and one batch clones each table at most once.
// Each table keeps its newest MIRROR_ROW_LIMIT rows: under load the canvas shows
// the latest rows and counts, and memory stays flat however long the run goes.

import type { Row, ServiceName, TableDump } from '../../core/rows';
import type { Change } from '../../core/telemetry';
import { primaryKeyOf } from './schema';
import type { MirrorSlice, ServiceMirror, TableMap, TableTrim, TrimSlice } from './types';

/** Rows kept per table; the oldest go first (the saga list shows at most 200, a node 6). */
export const MIRROR_ROW_LIMIT = 500;
/** Dropped keys remembered per table, so a later update of one is not counted as a new row. */
const RECENT_LIMIT = 2 * MIRROR_ROW_LIMIT;

export function keyOf(table: string, row: Row, fallback?: unknown): unknown {
  const key = row[primaryKeyOf(table)];
  return key === undefined ? fallback : key;
}

export function tableFromRows(table: string, rows: readonly Row[]): Map<unknown, Row> {
  const map = new Map<unknown, Row>();
  rows.forEach((row, index) => map.set(keyOf(table, row, index), row));
  return map;
}

export const trimKey = (service: ServiceName, table: string) => `${service}/${table}`;

/** Rows of a table the mirror let go of (its true size is the Map's size plus these). */
export function droppedRows(trims: TrimSlice, service: ServiceName, table: string): number {
  return trims[trimKey(service, table)]?.dropped ?? 0;
}

export interface MirrorWriter {
  hydrate(service: ServiceName, tables: TableDump): void;
  commit(service: ServiceName, changes: readonly Change[]): void;
  result(): MirrorSlice;
  trims(): TrimSlice;
}

type MutableTrim = { dropped: number; recent: Set<unknown> };

export function mirrorWriter(start: MirrorSlice, startTrims: TrimSlice = {}): MirrorWriter {
  let mirror = start;
  let trims = startTrims;
  // Objects created during this batch may be mutated in place; anything older is shared.
  const ownServices = new Set<ServiceName>();
  const ownTables = new Set<Map<unknown, Row>>();
  const ownTrims = new Set<TableTrim>();

  function writableService(service: ServiceName): Record<string, TableMap> {
    if (mirror === start) mirror = { ...start };
    if (!ownServices.has(service)) {
      (mirror as Record<ServiceName, ServiceMirror>)[service] = { ...mirror[service] };
      ownServices.add(service);
    }
    return mirror[service] as Record<string, TableMap>;
  }

  function writableTable(service: ServiceName, table: string): Map<unknown, Row> {
    const tables = writableService(service);
    const current = tables[table] as Map<unknown, Row> | undefined;
    if (current && ownTables.has(current)) return current;
    const copy = new Map<unknown, Row>(current ?? []);
    ownTables.add(copy);
    tables[table] = copy;
    return copy;
  }

  function writableTrim(key: string): MutableTrim {
    const current = trims[key];
    if (current && ownTrims.has(current)) return current as MutableTrim;
    const copy: MutableTrim = { dropped: current?.dropped ?? 0, recent: new Set(current?.recent ?? []) };
    if (trims === startTrims) trims = { ...startTrims };
    (trims as Record<string, TableTrim>)[key] = copy;
    ownTrims.add(copy);
    return copy;
  }

  function resetTrim(key: string): void {
    if (!trims[key]) return;
    if (trims === startTrims) trims = { ...startTrims };
    delete (trims as Record<string, TableTrim>)[key];
  }

  /** Drops the oldest rows beyond the limit (Map order: first arrived, first gone). */
  function trim(service: ServiceName, table: string, rows: Map<unknown, Row>): void {
    if (rows.size <= MIRROR_ROW_LIMIT) return;
    const t = writableTrim(trimKey(service, table));
    for (const key of rows.keys()) {
      if (rows.size <= MIRROR_ROW_LIMIT) break;
      rows.delete(key);
      t.dropped++;
      t.recent.add(key);
    }
    for (const key of t.recent) {
      if (t.recent.size <= RECENT_LIMIT) break;
      t.recent.delete(key);
    }
  }

  return {
    hydrate(service, dump) {
      const tables: Record<string, TableMap> = {};
      for (const [table, rows] of Object.entries(dump)) {
        const map = tableFromRows(table, rows);
        ownTables.add(map);
        tables[table] = map;
        resetTrim(trimKey(service, table));
        trim(service, table, map);
      }
      if (mirror === start) mirror = { ...start };
      (mirror as Record<ServiceName, ServiceMirror>)[service] = tables;
      ownServices.add(service);
    },
    commit(service, changes) {
      const touched = new Set<string>();
      for (const change of changes) {
        const table = writableTable(service, change.table);
        touched.add(change.table);
        const tk = trimKey(service, change.table);
        if (change.op === 'clear') {
          table.clear();
          resetTrim(tk);
          continue;
        }
        const key = change.op === 'put' ? keyOf(change.table, change.row, change.key) : change.key;
        // A row we let go of comes back (updated) or goes (deleted): it is no longer counted as dropped.
        if (!table.has(key) && trims[tk]?.dropped) {
          const t = writableTrim(tk);
          if (t.recent.delete(key) || change.op === 'delete') t.dropped = Math.max(0, t.dropped - 1);
        }
        if (change.op === 'put') table.set(key, change.row);
        else table.delete(key);
      }
      for (const name of touched) trim(service, name, writableTable(service, name));
    },
    result: () => mirror,
    trims: () => trims,
  };
}
