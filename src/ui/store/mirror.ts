// Pure mirror maintenance: a service's tables rebuilt from a hydrate dump and
// patched by commits. Copy-on-write per batch, so a table Map changes identity
// only when one of its rows changed, and one batch clones each table at most once.

import type { Row, ServiceName, TableDump } from '../../core/rows';
import type { Change } from '../../core/telemetry';
import { primaryKeyOf } from './schema';
import type { MirrorSlice, ServiceMirror, TableMap } from './types';

export function keyOf(table: string, row: Row, fallback?: unknown): unknown {
  const key = row[primaryKeyOf(table)];
  return key === undefined ? fallback : key;
}

export function tableFromRows(table: string, rows: readonly Row[]): Map<unknown, Row> {
  const map = new Map<unknown, Row>();
  rows.forEach((row, index) => map.set(keyOf(table, row, index), row));
  return map;
}

export interface MirrorWriter {
  hydrate(service: ServiceName, tables: TableDump): void;
  commit(service: ServiceName, changes: readonly Change[]): void;
  result(): MirrorSlice;
}

export function mirrorWriter(start: MirrorSlice): MirrorWriter {
  let mirror = start;
  // Objects created during this batch may be mutated in place; anything older is shared.
  const ownServices = new Set<ServiceName>();
  const ownTables = new Set<Map<unknown, Row>>();

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

  return {
    hydrate(service, dump) {
      const tables: Record<string, TableMap> = {};
      for (const [table, rows] of Object.entries(dump)) {
        const map = tableFromRows(table, rows);
        ownTables.add(map);
        tables[table] = map;
      }
      if (mirror === start) mirror = { ...start };
      (mirror as Record<ServiceName, ServiceMirror>)[service] = tables;
      ownServices.add(service);
    },
    commit(service, changes) {
      for (const change of changes) {
        const table = writableTable(service, change.table);
        if (change.op === 'put') table.set(keyOf(change.table, change.row, change.key), change.row);
        else if (change.op === 'delete') table.delete(change.key);
        else table.clear();
      }
    },
    result: () => mirror,
  };
}
