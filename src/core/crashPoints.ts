// The named moments at which a service can be killed. Runtime, fault plan and
// UI all take their names from here so they can never drift apart.

export const CRASH_POINTS = {
  'before-commit': 'Inside the transaction, before it commits: nothing of the step survives.',
  'after-commit-before-publish':
    'The business rows and outbox rows are committed; nothing has reached the broker yet.',
  'relay-after-publish-before-mark':
    'The broker holds the event, but the outbox row is not yet marked published: it will be sent again.',
  'consumer-after-commit-before-ack':
    'The handler and its inbox row are committed, but the broker was never told: it will deliver again.',
  'direct-after-charge':
    'Direct calls: payment has charged the customer; the order service dies before it asks inventory to reserve.',
  'coordinator-after-prepare':
    'Two-phase commit: every participant has prepared and holds its locks; the coordinator dies before deciding.',
} as const;

export type CrashPoint = keyof typeof CRASH_POINTS;

export const CRASH_POINT_NAMES = Object.keys(CRASH_POINTS) as CrashPoint[];

export function isCrashPoint(value: string): value is CrashPoint {
  return Object.prototype.hasOwnProperty.call(CRASH_POINTS, value);
}
