// Retry policy with Temporal's names and meaning: the first retry waits
// initialInterval, each next one backoffCoefficient times longer, never more
// than maximumInterval; maximumAttempts counts the first try too; error types
// listed as non-retryable fail at once.

export interface RetryPolicy {
  initialInterval: number;
  backoffCoefficient: number;
  maximumInterval: number;
  maximumAttempts: number;
  nonRetryableErrorTypes: string[];
}

export const DEFAULT_RETRY: RetryPolicy = {
  initialInterval: 300,
  backoffCoefficient: 2,
  maximumInterval: 3000,
  maximumAttempts: 4,
  nonRetryableErrorTypes: ['OutOfStock', 'CardDeclined', 'InsufficientCredit', 'RegionNotServed'],
};

/** Delay before attempt number `attempt + 1`, after `attempt` attempts failed. */
export function backoff(policy: RetryPolicy, attempt: number): number {
  return Math.min(
    policy.maximumInterval,
    policy.initialInterval * policy.backoffCoefficient ** (attempt - 1),
  );
}

/** Whether a failure of this type, after `attempt` attempts, is tried again. */
export function mayRetry(policy: RetryPolicy, errorType: string, attempt: number): boolean {
  return !policy.nonRetryableErrorTypes.includes(errorType) && attempt < policy.maximumAttempts;
}

/**
 * For work retried until it is done (compensations, steps past the saga's pivot): the same start, backing off to
 * a minute between attempts, so a participant down for ten minutes is sent a dozen commands, not a hundred.
 */
export const UNTIL_DONE_RETRY: RetryPolicy = { ...DEFAULT_RETRY, maximumInterval: 60_000 };
