import { describe, expect, it } from 'vitest';
import { backoff, mayRetry, DEFAULT_RETRY } from './retryPolicy';

const policy = {
  ...DEFAULT_RETRY,
  initialInterval: 100,
  backoffCoefficient: 2,
  maximumInterval: 500,
  maximumAttempts: 4,
};

describe('retry policy', () => {
  it('backs off exponentially up to the maximum interval', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoff(policy, a))).toEqual([100, 200, 400, 500, 500]);
  });

  it('stops after maximumAttempts and never retries a non-retryable error', () => {
    expect(mayRetry(policy, 'GatewayTimeout', 3)).toBe(true);
    expect(mayRetry(policy, 'GatewayTimeout', 4)).toBe(false);
    expect(mayRetry(policy, 'CardDeclined', 1)).toBe(false);
  });
});
