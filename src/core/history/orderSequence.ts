// One order's (one saga's) message sequence, derived from a shop run's
// recorded facts: each local transaction of the order, each publish (outbox →
// broker), each delivery (broker → consumer), each ack, each duplicate the
// inbox skipped, and the crashes and restarts of its lanes, in the order they
// were recorded (by time; a crash last within its time). An order is its correlation id: every message of one flow
// carries the id of the message that started it. Pure: facts in, rows out.

import type { LogRow } from '../broker/brokerDb';
import { DIAGRAM_SERVICES, participantOfSource, type Participant } from '../export/timeline';
import type { Change, Fact } from '../telemetry';
import type { HistoryEntry } from './factHistory';
import { commitSummary } from './commitSummary';
import { isWatermarkPut } from '../service/outboxWatermark';
import { orderThreads, type OrderThread } from './orderThreads';
import { followFacts, type FactsRead, type FollowedFold } from './followFacts';

export { orderThreads, threadsFold, type OrderThread } from './orderThreads';

export type SequenceRowKind =
  'transaction' | 'publish' | 'delivery' | 'ack' | 'duplicate' | 'crash' | 'restart';

export interface SequenceRow {
  kind: SequenceRowKind;
  /** The recorded fact it comes from, its simulation time and (deterministic) step. */
  seq: number;
  at: number;
  step: number | null;
  /** The lane it starts on; an arrow ends on `to`. */
  lane: Participant;
  to?: Participant;
  /** What happened, in a few words ("OrderCreated", "orders put · outbox +1"). */
  text: string;
  /** What else there is to say: a handler's result, a redelivery's cause. */
  detail?: string;
  /** The CloudEvent id of the message it is about, if any. */
  messageId?: string;
  /** A consumer's handling that only said it does not handle the message. */
  ignored?: boolean;
}

export interface OrderSequence {
  thread: OrderThread;
  lanes: Participant[];
  rows: SequenceRow[];
}

type Entry = HistoryEntry<{ kind: string }> & { step: number | null };
type Put = Extract<Change, { op: 'put' }>;

/** The thread `id` names: a correlation id, an order id or a saga id. */
export function findThread(threads: readonly OrderThread[], id: string | null): OrderThread | null {
  if (!id) return null;
  return threads.find((t) => t.correlation === id || t.orderId === id || t.sagaId === id) ?? null;
}

/** The sequence of the order `correlation` names (its correlation, order or saga id); null if none does. */
export function orderSequence(facts: readonly Entry[], correlation: string): OrderSequence | null {
  const thread = findThread(orderThreads(facts), correlation);
  return thread ? threadSequence(facts, thread) : null;
}

/** One pass over the facts: a record is the order's when its envelope carries the order's correlation id. */
export function threadSequence(facts: readonly Entry[], thread: OrderThread): OrderSequence {
  const fold = sequenceFold(thread);
  const state = fold.start();
  fold.add(state, facts, 0, facts.length);
  return fold.result(state);
}

/**
 * One order's sequence kept up to date as the history grows (followFacts): the order's rows are folded from
 * the new facts only, and from the whole history again when the order itself changed (a new message of it,
 * its saga), since its messages say which of the earlier facts are its.
 */
export function followSequence(): (read: FactsRead<Entry>, thread: OrderThread) => OrderSequence {
  let followed: { key: string; follow: FollowedFold<Entry, OrderSequence> } | null = null;
  return (read, thread) => {
    const key = threadKey(thread);
    if (followed?.key !== key) followed = { key, follow: followFacts(sequenceFold(thread)) };
    return followed.follow(read);
  };
}

function threadKey(t: OrderThread): string {
  return [t.correlation, t.orderId, t.sagaId ?? '', ...t.outboxIds].join('\u0000');
}

interface SequenceState {
  messages: Set<string>;
  /** The order's records: each message's type, and the record at each log position (to name what an offset acks). */
  types: Map<string, string>;
  byOffset: Map<string, LogRow>;
  rows: SequenceRow[];
  committed: Map<string, number>;
  /** Each consumer's messages handled so far, and its crashes: a duplicate after a crash is a redelivery. */
  handled: Map<string, Set<string>>;
  crashedAfter: Map<string, number>;
  down: Set<string>;
  /** The services whose transactions the facts hold (hydrated or committed), for the lanes. */
  services: Set<string>;
}

function sequenceFold(thread: OrderThread) {
  return {
    start: (): SequenceState => ({
      messages: new Set(thread.outboxIds),
      types: new Map(),
      byOffset: new Map(),
      rows: [],
      committed: new Map(),
      handled: new Map(),
      crashedAfter: new Map(),
      down: new Set(),
      services: new Set(),
    }),
    add(s: SequenceState, facts: readonly Entry[], from: number, to: number): true {
      for (let i = from; i < to; i++) addFact(s, thread, facts[i]);
      return true;
    },
    result(s: SequenceState): OrderSequence {
      const kept = withinThread(inMomentOrder(s.rows));
      return { thread, lanes: lanesOf(s.services, kept), rows: kept };
    },
  };
}

function addFact(s: SequenceState, thread: OrderThread, e: Entry): void {
  const { messages, types, byOffset, rows, committed, handled, crashedAfter, down } = s;
  const fact = e.fact as Fact;
  const base = { seq: e.seq, at: e.at, step: e.step };
  const service = (fact as { service?: string }).service;
  if ((fact.kind === 'hydrate' || fact.kind === 'commit') && service) s.services.add(service);
  if (fact.kind === 'broker-commit') {
    for (const c of fact.changes) {
      if (c.op !== 'put') continue;
      if (c.table === 'log') {
        const record = c.row as unknown as LogRow;
        if (record.event.correlationid !== thread.correlation && !messages.has(record.event.id)) continue;
        messages.add(record.event.id);
        types.set(record.event.id, record.event.type);
        byOffset.set(`${record.topic}\u0000${record.partition}\u0000${record.offset}`, record);
        rows.push({
          ...base,
          kind: 'publish',
          lane: participantOfSource(record.event.source),
          to: 'broker',
          text: record.event.type,
          detail: `${record.topic} #${record.partition} offset ${record.offset}`,
          messageId: record.event.id,
        });
      } else if (c.table === 'offsets') {
        const row = c.row as { group: string; topic: string; partition: number; committed: number };
        const key = `${row.group}\u0000${row.topic}\u0000${row.partition}`;
        const from = committed.get(key) ?? 0;
        committed.set(key, row.committed);
        const lane = asLane(row.group);
        if (!lane) continue;
        for (let offset = from; offset < row.committed; offset++) {
          const record = byOffset.get(`${row.topic}\u0000${row.partition}\u0000${offset}`);
          if (!record || !messages.has(record.event.id)) continue;
          rows.push({
            ...base,
            kind: 'ack',
            lane,
            to: 'broker',
            text: record.event.type,
            detail: `${row.group} committed ${row.topic} #${row.partition} to offset ${row.committed}`,
            messageId: record.event.id,
          });
        }
      }
    }
    return;
  }
  if (fact.kind === 'commit') {
    const lane = asLane(fact.service);
    if (!lane) return;
    const puts = fact.changes.filter((c): c is Put => c.op === 'put');
    const taken = puts.find((c) => c.table === 'inbox' && messages.has(String(c.row.message_id)));
    if (!taken && !touchesThread(puts, thread, messages)) return;
    if (!taken && isRelayMark(fact.changes)) return; // the publish row already says it
    if (taken) {
      const id = String(taken.row.message_id);
      const result = String(taken.row.result ?? '');
      (handled.get(fact.service) ?? handled.set(fact.service, new Set()).get(fact.service)!).add(id);
      rows.push({
        ...base,
        kind: 'delivery',
        lane: 'broker',
        to: lane,
        text: types.get(id) ?? String(taken.row.type),
        detail: result || undefined,
        messageId: id,
        ignored: isIgnored(taken),
      });
    }
    const ignored = taken ? isIgnored(taken) : false;
    rows.push({ ...base, kind: 'transaction', lane, text: commitSummary(fact.changes), ignored });
    return;
  }
  if (fact.kind === 'duplicate') {
    const lane = asLane(fact.service);
    if (!lane || !messages.has(fact.messageId)) return;
    const crash = crashedAfter.get(fact.service);
    const redelivered = crash !== undefined && handled.get(fact.service)?.has(fact.messageId);
    rows.push({
      ...base,
      kind: 'duplicate',
      lane: 'broker',
      to: lane,
      text: `${fact.type} again`,
      detail: redelivered
        ? `redelivered after ${fact.service}'s crash (handled, not acked): duplicate skipped by inbox`
        : 'duplicate: skipped by inbox',
      messageId: fact.messageId,
    });
    return;
  }
  if (fact.kind === 'crashed') {
    const lane = asLane(fact.process);
    if (!lane) return;
    crashedAfter.set(fact.process, e.at);
    down.add(fact.process);
    rows.push({ ...base, kind: 'crash', lane, text: `${fact.process} crashed`, detail: fact.point });
    return;
  }
  const restarted = restartOf(fact);
  if (restarted && down.has(restarted)) {
    down.delete(restarted);
    rows.push({ ...base, kind: 'restart', lane: asLane(restarted)!, text: `${restarted} restarted` });
  }
}

/**
 * By time, and within one time (a deterministic step) a crash after whatever
 * else the moment committed: the crash ended that step, though the conductor
 * may have heard of it before the worker's last commit arrived.
 */
function inMomentOrder(rows: SequenceRow[]): SequenceRow[] {
  const last = (r: SequenceRow) => Number(r.kind === 'crash');
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => a.row.at - b.row.at || last(a.row) - last(b.row) || a.i - b.i)
    .map(({ row }) => row);
}

/** Crashes (and the restart after each) only while the order was in flight: before or after it, they are another story. */
function withinThread(rows: SequenceRow[]): SequenceRow[] {
  const own = rows.filter((r) => r.kind !== 'crash' && r.kind !== 'restart');
  if (!own.length) return [];
  const first = own[0].at;
  const last = own[own.length - 1].at;
  const shownCrash = new Set<Participant>();
  return rows.filter((r) => {
    if (r.kind === 'restart') return shownCrash.delete(r.lane);
    if (r.kind !== 'crash' || r.at < first || r.at > last) return r.kind !== 'crash';
    shownCrash.add(r.lane);
    return true;
  });
}

function touchesThread(puts: Put[], thread: OrderThread, messages: Set<string>): boolean {
  return puts.some(
    (c) =>
      (c.table === 'outbox' &&
        (c.row.correlationid === thread.correlation || messages.has(String(c.row.id)))) ||
      c.row.orderId === thread.orderId ||
      (c.table === 'orders' && c.row.id === thread.orderId) ||
      (c.table === 'sagas' && c.row.id === thread.sagaId),
  );
}

/** The consumer said it does not handle the message (its inbox row's result): taken only to be acked. */
function isIgnored(inboxPut: Put): boolean {
  return String(inboxPut.row.result ?? '').startsWith('ignored');
}

/** A polling relay's commit: its watermark, and the outbox rows it covers reported published; nothing else. */
function isRelayMark(changes: Change[]): boolean {
  return changes.every(
    (c) => isWatermarkPut(c) || (c.op === 'put' && c.table === 'outbox' && c.row.published_at != null),
  );
}

/** A process up again: the conductor's `process` fact, or the worker's `ready` (the in-process harness). */
function restartOf(fact: { kind: string }): string | null {
  const f = fact as { kind: string; process?: string; status?: string };
  if (f.kind === 'ready' && f.process) return f.process;
  if (f.kind === 'process' && f.process && f.status === 'running') return f.process;
  return null;
}

function asLane(name: string): Participant | null {
  if (name === 'broker') return 'broker';
  return (DIAGRAM_SERVICES as readonly string[]).includes(name) ? (name as Participant) : null;
}

/** The services of the run in the export's fixed order (the orchestrator only when it ran), then the broker. */
function lanesOf(services: ReadonlySet<string>, rows: SequenceRow[]): Participant[] {
  const present = new Set(services);
  for (const r of rows) {
    present.add(r.lane);
    if (r.to) present.add(r.to);
  }
  return [...DIAGRAM_SERVICES.filter((s) => present.has(s)), 'broker'];
}
