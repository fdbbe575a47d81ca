import { describe, expect, it } from 'vitest';
import { idParts, money, shortId, shortKey } from './format';

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

  it('finds the ids in a sentence and shortens them as the canvas does, keeping the full id', () => {
    expect(
      idParts(
        'order o-c0710e709471af29 was charged twice (payment-o-c0710e709471af29, evt-00ff12ab34cd56ef)',
      ),
    ).toEqual([
      { text: 'order ' },
      { id: 'o-c0710e709471af29', short: 'o-af29' },
      { text: ' was charged twice (payment-' },
      { id: 'o-c0710e709471af29', short: 'o-af29' },
      { text: ', ' },
      { id: 'evt-00ff12ab34cd56ef', short: 'evt-56ef' },
      { text: ')' },
    ]);
    expect(idParts('no ids in out-of-stock here')).toEqual([{ text: 'no ids in out-of-stock here' }]);
    expect(idParts('')).toEqual([]);
  });

  it('formats money', () => {
    expect(money(12)).toBe('$12');
    expect(money(12.5)).toBe('$12.50');
    expect(money('x')).toBe('—');
  });
});
