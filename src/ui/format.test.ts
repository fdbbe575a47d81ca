import { describe, expect, it } from 'vitest';
import { money, shortId, shortKey } from './format';

describe('format', () => {
  it('shortens prefixed hex ids but keeps the prefix', () => {
    expect(shortId('o-3fa1c2d4e5f60718')).toBe('o-0718');
    expect(shortId('res-3fa1c2d4e5f60718')).toBe('res-0718');
    expect(shortId('short')).toBe('short');
    expect(shortId('some-long-message-id')).toBe('…age-id');
  });

  it('shortens idempotency keys around the order id', () => {
    expect(shortKey('payment-o-3fa1c2d4e5f60718')).toBe('payment-o-0718');
  });

  it('formats money', () => {
    expect(money(12)).toBe('$12');
    expect(money(12.5)).toBe('$12.50');
    expect(money('x')).toBe('—');
  });
});
