import { describe, expect, it } from 'vitest';
import { StringInterner } from './stringInterner';

describe('StringInterner', () => {
  it('leaves a fact as it was, every string in its objects and arrays in place', () => {
    const fact = () => ({
      kind: 'commit',
      service: 'payment',
      changes: [
        {
          table: 'payments',
          op: 'put',
          key: 'pay-1',
          row: {
            id: 'pay-1',
            orderId: 'o-1',
            items: [{ sku: 'SKU-MUG', qty: 2 }],
            n: 3,
            ok: true,
            none: null,
          },
        },
        { table: 'outbox', op: 'put', key: 7, row: { id: 'evt-1', payload: { text: 'x'.repeat(200) } } },
      ],
    });
    const strings = new StringInterner();
    expect(strings.internAll(fact())).toEqual(fact());
    expect(strings.internAll(fact())).toEqual(fact());
    // Short strings are kept once each (nine different ones here), the 200-character one not at all.
    expect(strings.size).toBe(9);
  });

  it('holds at most two generations of strings however many it has seen', () => {
    const strings = new StringInterner(100);
    for (let i = 0; i < 1_000; i++) {
      strings.intern(`id-${i}`);
      strings.intern('put');
      expect(strings.size).toBeLessThanOrEqual(200);
    }
    expect(strings.size).toBeGreaterThan(100);
  });
});
