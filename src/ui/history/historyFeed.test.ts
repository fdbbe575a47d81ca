import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordedFact, RunHistoryReads } from '../../runtime/historyReads';
import { followHistory } from './historyFeed';

/** A run's history that counts how often it is read. */
function countingReads() {
  const facts: RecordedFact[] = [];
  const reads = {
    recordedFacts: vi.fn(async () => facts),
    historyStats: vi.fn(() => ({ kept: facts.length, forgotten: 0, cap: 100, oldest: null })),
  } as unknown as RunHistoryReads & { recordedFacts: ReturnType<typeof vi.fn> };
  return reads;
}

describe('followHistory', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads nothing while nobody follows the feed', async () => {
    const reads = countingReads();
    await vi.runAllTimersAsync();
    expect(reads.recordedFacts).not.toHaveBeenCalled();
  });

  it('reads while followed, once for all followers, and stops when the last follower does', async () => {
    const reads = countingReads();
    const stopA = followHistory(reads);
    const stopB = followHistory(reads);
    await vi.advanceTimersToNextTimerAsync();
    const whileFollowed = reads.recordedFacts.mock.calls.length;
    expect(whileFollowed).toBeGreaterThan(0);

    stopA();
    stopA(); // stopping twice must not end the other follower's reads
    await vi.advanceTimersToNextTimerAsync();
    expect(reads.recordedFacts.mock.calls.length).toBeGreaterThan(whileFollowed);

    stopB();
    const atStop = reads.recordedFacts.mock.calls.length;
    await vi.runAllTimersAsync();
    expect(reads.recordedFacts.mock.calls.length).toBe(atStop);
  });
});
