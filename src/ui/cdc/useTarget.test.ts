import { describe, expect, it } from 'vitest';
import { targetListing } from './useTarget';

describe('targetListing', () => {
  const rows = [{ id: 'L-3' }, { id: 'L-2' }, { id: 'L-1' }];
  it('is the chosen listing while it exists, else the newest, else none', () => {
    expect(targetListing('L-2', rows)).toBe('L-2');
    expect(targetListing('L-9', rows)).toBe('L-3');
    expect(targetListing(null, rows)).toBe('L-3');
    expect(targetListing('L-2', [])).toBeNull();
  });
});
