import { describe, expect, it } from 'vitest';
import { nextId } from './esIds';

describe('nextId', () => {
  it('goes past every id seen and issued', () => {
    expect(nextId('order', [])).toEqual({ id: 'order-1', n: 1 });
    expect(nextId('order', ['order-3', 'order-10', 'acct-40', 'order-x'])).toEqual({ id: 'order-11', n: 11 });
    expect(nextId('order', ['order-3'], 5)).toEqual({ id: 'order-6', n: 6 });
  });
});
