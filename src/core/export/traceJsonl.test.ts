import { describe, expect, it } from 'vitest';
import { traceJsonl } from './traceJsonl';
import { logRow } from './testRows';

function parseLines(text: string): Record<string, unknown>[] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('traceJsonl', () => {
  it('writes one CloudEvent per line, with where the broker stored it as extensions', () => {
    const lines = parseLines(
      traceJsonl([
        logRow({
          id: 'e-1',
          type: 'OrderCreated',
          service: 'order',
          at: 5,
          topic: 'orders',
          partition: 2,
          offset: 7,
        }),
      ]),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      specversion: '1.0',
      id: 'e-1',
      type: 'OrderCreated',
      source: '/services/order',
      topic: 'orders',
      partition: 2,
      offset: 7,
    });
    // CloudEvents: attribute names are lowercase letters and digits only.
    for (const name of Object.keys(lines[0])) expect(name).toMatch(/^[a-z0-9]+$/);
  });

  it('orders by append time, then topic, partition and offset', () => {
    const rows = [
      logRow({ id: 'late', type: 'A', service: 'order', at: 9 }),
      logRow({ id: 'p1', type: 'A', service: 'order', at: 1, topic: 'payments', partition: 0, offset: 0 }),
      logRow({ id: 'o1-1', type: 'A', service: 'order', at: 1, topic: 'orders', partition: 1, offset: 1 }),
      logRow({ id: 'o1-0', type: 'A', service: 'order', at: 1, topic: 'orders', partition: 1, offset: 0 }),
      logRow({ id: 'o0-5', type: 'A', service: 'order', at: 1, topic: 'orders', partition: 0, offset: 5 }),
    ];
    expect(parseLines(traceJsonl(rows)).map((l) => l.id)).toEqual(['o0-5', 'o1-0', 'o1-1', 'p1', 'late']);
  });

  it('keeps a record on one line whatever its data holds', () => {
    const row = logRow({ id: 'e-1', type: 'OrderCreated', service: 'order', at: 0 });
    row.event.data = { note: 'two\nlines\r\nand a \u2028 separator', nested: { deep: ['x\ny'] } };
    const lines = parseLines(traceJsonl([row, logRow({ id: 'e-2', type: 'B', service: 'order', at: 1 })]));
    expect(lines).toHaveLength(2);
    expect(lines[0].data).toEqual(row.event.data);
  });

  it('is empty for an empty log', () => {
    expect(traceJsonl([])).toBe('');
  });
});
