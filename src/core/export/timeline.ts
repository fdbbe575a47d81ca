// A run's messages as one timeline: every record the broker appended (a
// publish), every inbox row (a consumption), every crash reported. Pure: the
// caller reads the databases and passes the rows in.

import type { LogRow } from '../broker/brokerDb';
import type { InboxRow } from '../rows';

/** The services a diagram shows, in its fixed left-to-right order; the broker comes last. */
export const DIAGRAM_SERVICES = ['order', 'payment', 'inventory', 'shipping', 'orchestrator'] as const;
export type Participant = (typeof DIAGRAM_SERVICES)[number] | 'broker';

export type TimelineItem =
  | { kind: 'publish'; at: number; from: Participant; type: string }
  | { kind: 'consume'; at: number; to: Participant; type: string }
  | { kind: 'crash'; at: number; process: Participant; text: string };

/** A crash as the UI heard of it; `at` must be on the same clock as the rows' times. */
export interface CrashNote {
  at: number;
  process: string;
  text: string;
}

export type InboxEntry = Pick<InboxRow, 'message_id' | 'type' | 'processed_at'>;

export interface TimelineInput {
  records: readonly LogRow[];
  /** Each service's inbox table, keyed by service: what it consumed, and when. */
  inboxes: Readonly<Record<string, readonly InboxEntry[] | undefined>>;
  crashes?: readonly CrashNote[];
}

const RANK = { publish: 0, consume: 1, crash: 2 } as const;

/**
 * Ordered by time; a crash after whatever else its moment committed (the
 * crash ended that step); then by causal depth, for rows that share a time
 * (one publish batch, or a live run's busy millisecond), so a reply never
 * precedes the message it answers. Depth follows each event's causationid
 * back through the inbox row of the service that published it.
 */
export function timeline(input: TimelineInput): TimelineItem[] {
  const items: TimelineItem[] = [];
  const causeOf: (string | null)[] = [];
  const keyOf: string[] = [];

  for (const row of input.records) {
    const from = participantOfSource(row.event.source);
    items.push({ kind: 'publish', at: row.appended_at, from, type: row.event.type });
    causeOf.push(row.event.causationid !== row.event.id ? `${from}\u0000${row.event.causationid}` : null);
    keyOf.push(row.event.id);
  }
  for (const service of DIAGRAM_SERVICES) {
    for (const row of input.inboxes[service] ?? []) {
      items.push({ kind: 'consume', at: row.processed_at, to: service, type: row.type });
      causeOf.push(row.message_id);
      keyOf.push(`${service}\u0000${row.message_id}`);
    }
  }
  for (const crash of input.crashes ?? []) {
    const process = asParticipant(crash.process);
    if (!process) continue;
    items.push({ kind: 'crash', at: crash.at, process, text: crash.text });
    causeOf.push(null);
    keyOf.push('');
  }

  const depth = causalDepths(items, causeOf, keyOf);
  const order = items.map((_, i) => i);
  order.sort(
    (a, b) =>
      items[a].at - items[b].at ||
      Number(items[a].kind === 'crash') - Number(items[b].kind === 'crash') ||
      depth[a] - depth[b] ||
      RANK[items[a].kind] - RANK[items[b].kind] ||
      a - b,
  );
  return order.map((i) => items[i]);
}

/**
 * A publish's cause is the consumption (by its publisher) of the message in its
 * causationid, or failing that the cause's own publish; a consumption's
 * cause is the publish of the message it consumed. Keys index the first
 * item of each: a republished event keeps its first appearance.
 */
function causalDepths(items: TimelineItem[], causeOf: (string | null)[], keyOf: string[]): number[] {
  const index = new Map<string, number>();
  keyOf.forEach((key, i) => {
    if (key && !index.has(key)) index.set(key, i);
  });
  const depth: (number | undefined)[] = new Array(items.length);
  const visit = (i: number): number => {
    const known = depth[i];
    if (known !== undefined) return known;
    depth[i] = 0; // guards a cycle, which only a tampered database could hold
    const cause = causeOf[i];
    let d = 0;
    if (cause !== null) {
      const direct = index.get(cause);
      if (direct !== undefined) d = visit(direct) + 1;
      else if (items[i].kind === 'publish') {
        // No inbox row (the inbox is off, or the publisher is the broker): step over the missing consumption.
        const published = index.get(cause.slice(cause.indexOf('\u0000') + 1));
        if (published !== undefined) d = visit(published) + 2;
      }
    }
    depth[i] = d;
    return d;
  };
  return items.map((_, i) => visit(i));
}

export function participantOfSource(source: string): Participant {
  // Services publish as `/services/<name>`; dead letters come from `/broker`.
  const match = /^\/services\/([a-z]+)$/.exec(source);
  return (match && asParticipant(match[1])) || 'broker';
}

function asParticipant(name: string): Participant | null {
  if (name === 'broker') return 'broker';
  return (DIAGRAM_SERVICES as readonly string[]).includes(name) ? (name as Participant) : null;
}
