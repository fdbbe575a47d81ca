import { describe, expect, it } from 'vitest';
import { capWords, pastGapWords } from './MomentBanner';

describe('the timeline says what the history keeps', () => {
  it('names its cap, and past it what it forgot and where the timeline now starts', () => {
    expect(capWords(null)).toBeNull();
    expect(
      capWords({ kept: 10, forgotten: 0, cap: 100_000, oldest: 0, rowsLetGo: 0, rowBudget: 100_000 }),
    ).toBe('keeps the last 100,000');
    expect(
      capWords({
        kept: 90_000,
        forgotten: 30_000,
        cap: 100_000,
        oldest: 61_500,
        rowsLetGo: 0,
        rowBudget: 100_000,
      }),
    ).toBe('keeps the last 100,000: 30,000 older ones forgotten; the timeline starts at 61.5 s');
  });

  it('says how many rows it let go of what it forgot, and what a past canvas lacks', () => {
    expect(
      capWords({
        kept: 100_000,
        forgotten: 500_000,
        cap: 100_000,
        oldest: 30_000,
        rowsLetGo: 250_000,
        rowBudget: 100_000,
      }),
    ).toBe(
      'keeps the last 100,000: 500,000 older ones forgotten, of their rows at most the newest 100,000 (250,000 let go); the timeline starts at 30.0 s',
    );
    expect(pastGapWords(null, 0)).toBeNull();
    expect(pastGapWords(null, 1_234)).toContain('may lack up to 1,234 rows');
    expect(pastGapWords(12_000, 1_234)).toContain('folded from 12.0 s on');
  });
});
