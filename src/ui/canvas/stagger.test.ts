import { describe, expect, it } from 'vitest';
import { nextPiece, sameFrame, type FramedNode } from './stagger';

describe('nextPiece', () => {
  it('takes the pieces that differ in turn from the cursor on, wrapping round, and none once all are on show', () => {
    const differs = new Set([0, 2, 3]);
    const has = (p: number) => differs.has(p);
    expect(nextPiece(5, 0, has)).toBe(0);
    expect(nextPiece(5, 1, has)).toBe(2);
    expect(nextPiece(5, 4, has)).toBe(0);
    expect(nextPiece(5, 0, () => false)).toBeNull();
  });

  it('gives every piece its turn while updates keep coming faster than a round', () => {
    // Each update changes every piece again before the round is through: the cursor carries on where it was.
    const turns: number[] = [];
    let cursor = 0;
    for (let update = 0; update < 4; update++) {
      for (let step = 0; step < 3; step++) {
        const piece = nextPiece(5, cursor, () => true)!;
        turns.push(piece);
        cursor = piece + 1;
      }
    }
    expect(turns).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1]);
  });
});

describe('sameFrame', () => {
  const handles = [{ id: 'pub' }];
  const node = (id: string, x = 0): FramedNode => ({
    id,
    type: 'service',
    position: { x, y: 0 },
    width: 300,
    height: 500,
    handles,
  });

  it('holds while only the data would differ, and not once a node moves, resizes, changes handles or joins', () => {
    expect(sameFrame([node('a'), node('b', 320)], [node('a'), node('b', 320)])).toBe(true);
    expect(sameFrame([node('a')], [node('a', 10)])).toBe(false);
    expect(sameFrame([node('a')], [{ ...node('a'), height: 400 }])).toBe(false);
    expect(sameFrame([node('a')], [{ ...node('a'), handles: [...handles] }])).toBe(false);
    expect(sameFrame([node('a')], [node('a'), node('b')])).toBe(false);
    expect(sameFrame([node('a'), node('b')], [node('b'), node('a')])).toBe(false);
  });
});
