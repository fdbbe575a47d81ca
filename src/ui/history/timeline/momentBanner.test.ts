import { describe, expect, it } from 'vitest';
import { capWords } from './MomentBanner';

describe('the timeline says what the history keeps', () => {
  it('names its cap, and past it what it forgot and where the timeline now starts', () => {
    expect(capWords(null)).toBeNull();
    expect(capWords({ kept: 10, forgotten: 0, cap: 100_000, oldest: 0 })).toBe('keeps the last 100,000');
    expect(capWords({ kept: 90_000, forgotten: 30_000, cap: 100_000, oldest: 61_500 })).toBe(
      'keeps the last 100,000: 30,000 older ones forgotten; the timeline starts at 61.5 s',
    );
  });
});
