import { describe, expect, it } from 'vitest';
import { compareVerdict, invariantSet } from './verdict';

describe('compareVerdict', () => {
  it('says "no anomaly" when none was expected and none found', () => {
    expect(compareVerdict([], [])).toEqual({
      asExpected: true,
      text: 'As expected: no anomaly.',
      missing: [],
      unexpected: [],
    });
  });

  it('names the expected invariants, whatever their order or repeats', () => {
    const v = compareVerdict(
      ['no-order-stuck', 'no-event-lost', 'no-order-stuck'],
      ['no-event-lost', 'no-order-stuck'],
    );
    expect(v.asExpected).toBe(true);
    expect(v.text).toBe('As expected: no-event-lost, no-order-stuck.');
  });

  it('says plainly what differs', () => {
    const v = compareVerdict(['no-double-charge'], ['no-event-lost']);
    expect(v.asExpected).toBe(false);
    expect(v.text).toBe(
      'Not as expected: the checker reports no-double-charge, where this scenario expects no-event-lost.',
    );
    expect(v.missing).toEqual(['no-event-lost']);
    expect(v.unexpected).toEqual(['no-double-charge']);
  });

  it('counts an anomaly in a pattern scenario as a difference', () => {
    const v = compareVerdict(['saga-terminal'], []);
    expect(v.asExpected).toBe(false);
    expect(v.text).toContain('expects no anomaly');
  });
});

describe('invariantSet', () => {
  it('deduplicates and sorts', () => {
    expect(invariantSet(['b', 'a', 'b'])).toEqual(['a', 'b']);
  });
});
