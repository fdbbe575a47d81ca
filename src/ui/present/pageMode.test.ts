import { describe, expect, it } from 'vitest';
import { drawsPast, pageMode } from './pageMode';

describe('pageMode', () => {
  it('is the full playground without flags', () => {
    expect(pageMode('')).toBe('full');
    expect(pageMode('?pace=fast&run=ab12cd34')).toBe('full');
  });

  it('reads each flag, with or without a value', () => {
    expect(pageMode('?embed=1')).toBe('embed');
    expect(pageMode('?present=true&pace=fast')).toBe('present');
    expect(pageMode('?compare')).toBe('compare');
    expect(pageMode('?interview=1')).toBe('interview');
  });

  it('leaves a flag off when it says so', () => {
    expect(pageMode('?embed=0')).toBe('full');
    expect(pageMode('?present=false')).toBe('full');
    expect(pageMode('?present=OFF')).toBe('full');
  });

  it('ranks compare over embed over present', () => {
    expect(pageMode('?embed=1&compare=1')).toBe('compare');
    expect(pageMode('?present=1&embed=1')).toBe('embed');
  });
});

describe('drawsPast', () => {
  it('folds the history for the full playground only: embeds and the presenter draw the live canvas', () => {
    expect(drawsPast('full')).toBe(true);
    expect(drawsPast('embed')).toBe(false);
    expect(drawsPast('present')).toBe(false);
  });
});
