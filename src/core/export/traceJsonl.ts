// A run's trace as JSON Lines: one CloudEvent per line, in append order, with
// where the broker stored it as CloudEvents extension attributes. Pure.

import type { LogRow } from '../broker/brokerDb';
import type { CloudEvent } from '../envelope';
import { inAppendOrder } from './logOrder';

/**
 * The event as published, plus `topic`, `partition` and `offset`. Extension
 * names are lowercase alphanumerics, as CloudEvents requires, so any
 * CloudEvents SDK reads a line back as an event.
 */
export type TraceEvent = CloudEvent & { topic: string; partition: number; offset: number };

export function traceEvent(row: LogRow): TraceEvent {
  return { ...row.event, topic: row.topic, partition: row.partition, offset: row.offset };
}

/** Newline-terminated lines; JSON.stringify escapes newlines inside values, so a record never spans two. */
export function traceJsonl(rows: readonly LogRow[]): string {
  return inAppendOrder(rows)
    .map((row) => `${JSON.stringify(traceEvent(row))}\n`)
    .join('');
}
