// Keys of a service's `meta` table that code outside the service reads (the
// canvas, the invariant checker). Kept apart from serviceDb.ts so reading a
// key name does not pull Dexie into the page's first download.

/** Where the log-tailing relay stands in its service's change log. */
export const RELAY_POSITION_KEY = 'relay-position';

/** How far the polling relay has published: every outbox row at or below its seq (see outboxWatermark.ts). */
export const OUTBOX_WATERMARK_KEY = 'outbox-watermark';
