import { describe, expect, it } from 'vitest';
import { simTimeAt } from './useSimNow';

describe('simulation time on screen', () => {
  it('runs at the speed while playing and stands still while paused', () => {
    expect(simTimeAt({ simAt: 1000, realAt: 50, speed: 2, paused: false }, 150)).toBe(1200);
    expect(simTimeAt({ simAt: 1000, realAt: 50, speed: 2, paused: true }, 150)).toBe(1000);
  });
});
