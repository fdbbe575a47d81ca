import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../export/scenarioFile';
import { inventoryService } from '../services/inventory';
import { paymentService } from '../services/payment';
import { shippingService } from '../services/shipping';
import { EDITABLE_ROWS, type DataEdit } from './editableRows';
import { decodeScenario, encodeScenario } from './link';
import { packText } from './packing';
import { DEFAULT_SCENARIO } from './scenario';
import { validateDataEdit } from './validate';

const CUSTOMER = { id: 'alice', credit: 40, cardDeclined: false };

/** JSON text as a link, so a row can carry own keys (`__proto__`) an object literal cannot. */
function linkOfJson(text: string): string {
  return `#s/v1/${packText(text)}`;
}

/** What the banner says when a link holds this one row edit. */
function refusal(service: string, table: string, rowJson: string): string {
  const decoded = decodeScenario(
    linkOfJson(`{"data":[{"service":"${service}","table":"${table}","row":${rowJson}}]}`),
  );
  if (decoded.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decoded.scenario.data)}`);
  expect(decoded.error.kind).toBe('schema');
  return decoded.error.message;
}

function cannotUse(problem: string): string {
  return `This link's scenario has settings the playground cannot use: ${problem}.`;
}

describe('row edits: what a link may set', () => {
  it('accepts a whole row of every editable table, and a settings row with only some knobs', () => {
    const data: DataEdit[] = [
      { service: 'payment', table: 'customers', row: CUSTOMER },
      {
        service: 'payment',
        table: 'settings',
        row: { key: 'gateway', failFirstAttempts: 2, compensationFails: true },
      },
      { service: 'inventory', table: 'stock', row: { sku: 'SKU-LAMP', available: 0, reserved: 0 } },
      { service: 'inventory', table: 'settings', row: { key: 'warehouse', offline: true } },
      { service: 'shipping', table: 'regions', row: { id: 'MOON', served: true } },
    ];
    const scenario = { ...DEFAULT_SCENARIO, data };
    expect(decodeScenario(encodeScenario(scenario))).toEqual({ ok: true, scenario });
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a column named %s, rather than dropping it',
    (name) => {
      expect(
        refusal(
          'payment',
          'customers',
          `{"id":"alice","credit":40,"cardDeclined":false,"${name}":{"credit":1}}`,
        ),
      ).toBe(
        cannotUse(
          `data[0].row.${name}: refused: no column may be called __proto__, constructor or prototype`,
        ),
      );
      expect(({} as Record<string, unknown>).credit).toBeUndefined();
    },
  );

  it.each([
    [
      'an amount as text',
      'customers',
      '{"id":"alice","credit":"much","cardDeclined":false}',
      'credit',
      '"much"',
    ],
    ['a fraction of stock', 'stock', '{"sku":"SKU-MUG","available":1.5,"reserved":0}', 'available', '1.5'],
    ['negative stock', 'stock', '{"sku":"SKU-MUG","available":3,"reserved":-1}', 'reserved', '-1'],
    [
      'an infinite count',
      'settings',
      '{"key":"gateway","failFirstAttempts":1e999}',
      'failFirstAttempts',
      'Infinity',
    ],
  ])('refuses %s: amounts are whole numbers from 0', (_, table, row, column, got) => {
    const service = table === 'stock' ? 'inventory' : 'payment';
    expect(refusal(service, table, row)).toBe(
      cannotUse(`data[0].row.${column}: expected an integer from 0 to 1000000000000000, got ${got}`),
    );
  });

  it('refuses a flag that is not true or false', () => {
    expect(refusal('payment', 'customers', '{"id":"alice","credit":40,"cardDeclined":"no"}')).toBe(
      cannotUse('data[0].row.cardDeclined: expected true or false, got "no"'),
    );
    expect(refusal('shipping', 'regions', '{"id":"EU","served":1}')).toBe(
      cannotUse('data[0].row.served: expected true or false, got 1'),
    );
  });

  it('refuses a key that is not a name of 1 to 64 characters', () => {
    for (const [key, got] of [
      ['""', '""'],
      ['7', '7'],
      [`"${'x'.repeat(65)}"`, `"${'x'.repeat(18)}…`],
    ]) {
      expect(refusal('inventory', 'stock', `{"sku":${key},"available":1,"reserved":0}`)).toBe(
        cannotUse(`data[0].row.sku: expected a name of 1 to 64 characters, got ${got}`),
      );
    }
  });

  it('refuses a column the table does not have, naming the ones it has', () => {
    expect(
      refusal('payment', 'customers', '{"id":"alice","credit":40,"cardDeclined":false,"vip":true}'),
    ).toBe(cannotUse('data[0].row.vip: unknown column (a customers row has id, credit, cardDeclined)'));
  });

  it("refuses a row without its key, or without a column the table's rows all have", () => {
    expect(refusal('payment', 'customers', '{"credit":40,"cardDeclined":false}')).toBe(
      cannotUse("data[0].row.id: missing: the row's key, which says which customers row to set"),
    );
    expect(refusal('inventory', 'settings', '{"offline":true}')).toBe(
      cannotUse("data[0].row.key: missing: the row's key, which says which settings row to set"),
    );
    expect(refusal('inventory', 'stock', '{"sku":"SKU-MUG","available":1}')).toBe(
      cannotUse('data[0].row.reserved: missing (an edit writes the whole row)'),
    );
  });

  it('refuses a row that is not an object, a table that is not editable, a service with none, and a non-edit', () => {
    expect(refusal('shipping', 'regions', '["EU", true]')).toBe(
      cannotUse('data[0].row: expected a regions row: its columns and their values, got a list of 2'),
    );
    expect(refusal('payment', 'payments', '{"id":"p1"}')).toBe(
      cannotUse('data[0].table: expected one of customers, settings, got "payments"'),
    );
    expect(refusal('order', 'orders', '{"id":"o1"}')).toBe(
      cannotUse(
        'data[0].service: expected a service whose data a scenario may set: payment, inventory, shipping, got "order"',
      ),
    );
    const notAnEdit = decodeScenario(linkOfJson('{"data":[5]}'));
    expect(notAnEdit.ok || notAnEdit.error.message).toBe(
      cannotUse(
        'data[0]: expected a service whose data a scenario may set: payment, inventory, shipping, got 5',
      ),
    );
  });
});

describe('row edits: the same check wherever a row comes from', () => {
  it('a scenario file is refused with the same words as its link', () => {
    const read = readScenarioFile(
      JSON.stringify({
        version: 1,
        data: [{ service: 'payment', table: 'customers', row: { ...CUSTOMER, credit: 'much' } }],
      }),
    );
    expect(read.ok || read.error.problems).toEqual([
      'data[0].row.credit: expected an integer from 0 to 1000000000000000, got "much"',
    ]);
  });

  it('an edit from a script or the Setup tab (what editRow checks) is refused the same way', () => {
    expect(
      validateDataEdit({ service: 'payment', table: 'customers', row: { ...CUSTOMER, credit: 'much' } }),
    ).toEqual({
      ok: false,
      problems: ['row.credit: expected an integer from 0 to 1000000000000000, got "much"'],
    });
    expect(validateDataEdit({ service: 'inventory', table: 'reservations', row: { id: 'r1' } })).toEqual({
      ok: false,
      problems: ['table: expected one of stock, settings, got "reservations"'],
    });
    expect(validateDataEdit({ service: 'payment', table: 'customers', row: CUSTOMER })).toEqual({
      ok: true,
      edit: { service: 'payment', table: 'customers', row: CUSTOMER },
    });
  });

  it('covers exactly the tables each service lets a user edit', () => {
    for (const def of [paymentService, inventoryService, shippingService]) {
      expect(Object.keys(EDITABLE_ROWS[def.name as keyof typeof EDITABLE_ROWS]), def.name).toEqual(
        def.editable,
      );
    }
  });
});
