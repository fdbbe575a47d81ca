// The business tables a scenario (or the Setup tab, or a script) may set rows
// of, each column with its type: the one definition that links, scenario files
// and editRow check a row against. Pure schemas; rows.ts has the same shapes as types.

import * as v from 'valibot';
import type { CustomerRow, RegionRow, SettingRow, StockRow } from '../rows';
import { SCENARIO_LIMITS } from './scenario';

const L = SCENARIO_LIMITS.data;

// Each message is the "expected …" half: the validator adds the path and what was found.
const KEY_EXPECTED = `expected a name of 1 to ${L.keyLength} characters`;
const AMOUNT_EXPECTED = `expected an integer from ${L.amount.min} to ${L.amount.max}`;

/** A row's key (a customer id, a SKU, a setting's name): it says which row the edit writes. */
const key = v.pipe(
  v.string(KEY_EXPECTED),
  v.minLength(1, KEY_EXPECTED),
  v.maxLength(L.keyLength, KEY_EXPECTED),
);
/** Credit, stock and attempt counts are whole units, as the Setup tab's fields take them: no NaN, no debt. */
const amount = v.pipe(
  v.number(AMOUNT_EXPECTED),
  v.integer(AMOUNT_EXPECTED),
  v.minValue(L.amount.min, AMOUNT_EXPECTED),
  v.maxValue(L.amount.max, AMOUNT_EXPECTED),
);
const flag = v.boolean('expected true or false');

/**
 * Names JSON may carry as a row's own keys that would mean something else once
 * the row is spread or copied into an object: refused outright, never dropped.
 */
const PROTOTYPE_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Every column of a rows.ts shape with a schema of its type: a column added there and not here fails to compile. */
type Columns<Row> = { [C in keyof Required<Row>]: v.GenericSchema<unknown, Row[C]> };

/**
 * A table's row schema. Key problems (a prototype name, an unknown column, a
 * missing one) are found first and each reported with its whole sentence;
 * only a row whose columns are right has its cells checked.
 */
function table<const C extends v.ObjectEntries>(name: string, keyColumn: keyof C & string, columns: C) {
  const names = Object.keys(columns);
  const required = names.filter((column) => columns[column].type !== 'optional');
  return v.pipe(
    v.custom<Record<string, unknown>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      `expected a ${name} row: its columns and their values`,
    ),
    v.rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const row = dataset.value;
      const at = (column: string): { path: [v.ObjectPathItem] } => ({
        path: [{ type: 'object', origin: 'key', input: row, key: column, value: row[column] }],
      });
      for (const column of Object.keys(row)) {
        if (PROTOTYPE_NAMES.includes(column))
          addIssue({
            ...at(column),
            message: 'refused: no column may be called __proto__, constructor or prototype',
          });
        else if (!Object.hasOwn(columns, column))
          addIssue({ ...at(column), message: `unknown column (a ${name} row has ${names.join(', ')})` });
      }
      for (const column of required) {
        if (Object.hasOwn(row, column)) continue;
        addIssue({
          ...at(column),
          message:
            column === keyColumn
              ? `missing: the row's key, which says which ${name} row to set`
              : 'missing (an edit writes the whole row)',
        });
      }
    }),
    // Strict as well: what leaves here holds the known columns and nothing else.
    v.strictObject(columns),
  );
}

const SETTINGS = table('settings', 'key', {
  key,
  failFirstAttempts: v.optional(amount),
  offline: v.optional(flag),
  compensationFails: v.optional(flag),
} satisfies Columns<SettingRow>);

/** Per service, the tables a user may edit (each service's `editable`) and their rows. */
export const EDITABLE_ROWS = {
  payment: {
    customers: table('customers', 'id', {
      id: key,
      credit: amount,
      cardDeclined: flag,
    } satisfies Columns<CustomerRow>),
    settings: SETTINGS,
  },
  inventory: {
    stock: table('stock', 'sku', {
      sku: key,
      available: amount,
      reserved: amount,
    } satisfies Columns<StockRow>),
    settings: SETTINGS,
  },
  shipping: {
    regions: table('regions', 'id', { id: key, served: flag } satisfies Columns<RegionRow>),
  },
};

type Editable = typeof EDITABLE_ROWS;
export type EditableService = keyof Editable;

/** One row a scenario writes before its run starts: the whole row, as the Setup tab writes it. */
export type DataEdit = {
  [S in EditableService]: {
    [T in keyof Editable[S]]: {
      service: S;
      table: T;
      row: Editable[S][T] extends v.GenericSchema<unknown, infer Row> ? Row : never;
    };
  }[keyof Editable[S]];
}[EditableService];

const SERVICES = Object.keys(EDITABLE_ROWS) as EditableService[];

/** valibot folds nested variants into the outer one, which reports a wrong table as well as a wrong service. */
function wrongEdit(issue: v.BaseIssue<unknown>): string {
  const at = issue.path?.[0];
  const service = SERVICES.find((s) => s === (at?.input as { service?: unknown } | undefined)?.service);
  if (at?.key === 'table' && service)
    return `expected one of ${Object.keys(EDITABLE_ROWS[service]).join(', ')}`;
  return `expected a service whose data a scenario may set: ${SERVICES.join(', ')}`;
}

// Built from EDITABLE_ROWS so a table is named once; the compiler cannot follow
// the loop, hence the cast (each option's row is its table's schema).
export const DATA_EDIT_SCHEMA = v.variant(
  'service',
  SERVICES.map((service) =>
    v.variant(
      'table',
      Object.entries(EDITABLE_ROWS[service]).map(([table, row]: [string, v.GenericSchema]) =>
        v.strictObject({ service: v.literal(service), table: v.literal(table), row }),
      ),
    ),
  ),
  wrongEdit,
) as v.GenericSchema<unknown, DataEdit>;
