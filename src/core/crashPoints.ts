// The named moments at which a service can be killed. Runtime, fault plan and
// UI all take their names from here so they can never drift apart.

export const CRASH_POINTS = {
  'before-commit': 'Inside the transaction, before it commits: nothing of the step survives.',
  'after-commit-before-publish':
    'The transaction has committed (business rows, and the outbox rows where the run has an outbox); nothing has reached the broker yet.',
  'relay-after-publish-before-mark':
    'The broker holds the event, but the relay has not recorded it (polling: its watermark does not cover the outbox row yet; log-tailing: its log position is not stored): it will be sent again.',
  'consumer-after-commit-before-ack':
    'The handler and its inbox row are committed, but the broker was never told: it will deliver again.',
  'direct-after-charge':
    'Direct calls: payment has charged the customer; the order service dies before it asks inventory to reserve.',
  'coordinator-after-prepare':
    'Two-phase commit: every participant has prepared and holds its locks; the coordinator dies before deciding.',
  'es-after-append-before-snapshot':
    'Event sourcing: the events are appended and committed; the snapshot that was due is never saved (loads just read more events).',
  'transfer-after-debit-before-credit':
    'Event-sourced bank: TransferInitiated is committed (the money left the source); the credit never happens until the bank restarts and resumes the transfer.',
  'projection-before-checkpoint-commit':
    "Query service: inside the projection's transaction, read-model writes and checkpoint made but not committed: nothing of the batch survives, and it is applied again after restart.",
  'cdc-after-publish-before-position':
    "CDC connector: the broker holds the change events, but the connector's position is not stored: after restart it publishes them again (duplicates).",
  'cdc-during-snapshot':
    'CDC connector: part of the initial snapshot is published; a restart starts the snapshot over, so those rows arrive twice.',
} as const;

export type CrashPoint = keyof typeof CRASH_POINTS;

/** Points only the event-sourced run's processes (orders, bank, query) reach. */
export const ES_CRASH_POINT_NAMES: readonly CrashPoint[] = [
  'es-after-append-before-snapshot',
  'transfer-after-debit-before-credit',
  'projection-before-checkpoint-commit',
];

/** Points only the CDC run's connector reaches (its query service is a consumer: it reaches 'consumer-after-commit-before-ack'). */
export const CDC_CRASH_POINT_NAMES: readonly CrashPoint[] = [
  'cdc-after-publish-before-position',
  'cdc-during-snapshot',
];

/** The shop's points: every point but the event-sourced and CDC runs', so the shop's pickers, fault plans and API offer only what its services can reach. */
export const CRASH_POINT_NAMES = (Object.keys(CRASH_POINTS) as CrashPoint[]).filter(
  (p) => !ES_CRASH_POINT_NAMES.includes(p) && !CDC_CRASH_POINT_NAMES.includes(p),
);

export function isCrashPoint(value: string): value is CrashPoint {
  return Object.prototype.hasOwnProperty.call(CRASH_POINTS, value);
}
