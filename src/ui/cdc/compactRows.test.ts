import { describe, expect, it } from 'vitest';
import { rowsThatFit, wrappedLines } from './compactRows';

describe('wrappedLines', () => {
  it('breaks between words, as a cell that wraps does', () => {
    expect(wrappedLines('Sunny loft', 12)).toBe(1);
    expect(wrappedLines('Modern studio near the market', 13)).toBe(3);
    expect(wrappedLines('Modern studio near the market', 20)).toBe(2);
    expect(wrappedLines('', 10)).toBe(1);
  });

  it('breaks a word longer than the line anywhere', () => {
    expect(wrappedLines('cdc-after-publish-before-position', 12)).toBe(3);
    expect(wrappedLines('at cdc-after-publish-before-position', 12)).toBe(4);
  });
});

describe('rowsThatFit', () => {
  const lines = (n: number) => n;

  it('takes the newest rows until their lines are used', () => {
    expect(rowsThatFit([2, 1, 3, 1], lines, 6)).toEqual([2, 1, 3]);
    expect(rowsThatFit([2, 1, 3, 1], lines, 5)).toEqual([2, 1]);
  });

  it('always shows the newest row, and nothing of an empty table', () => {
    expect(rowsThatFit([9, 1], lines, 4)).toEqual([9]);
    expect(rowsThatFit([], lines, 4)).toEqual([]);
  });
});
