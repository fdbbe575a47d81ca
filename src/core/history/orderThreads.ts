// The orders (sagas) a shop run's recorded facts hold, each named by its
// correlation id: the id of the message that started its flow, which every
// later message of the flow carries. Read from the outbox rows the services
// wrote and the records the broker appended (a dual-write run has no
// outbox). A CDC run's change events start no order: the sequence view is
// the shop's. Pure: facts in, threads out.

import type { LogRow } from '../broker/brokerDb';
import { participantOfSource } from '../export/timeline';
import type { Fact } from '../telemetry';
import type { HistoryEntry } from './factHistory';

export interface OrderThread {
  /** The correlation id every message of the order carries. */
  correlation: string;
  /** The order's id (the first message's aggregate id, or its subject). */
  orderId: string;
  /** The orchestrator's saga for the order, in an orchestrated run. */
  sagaId: string | null;
  /** The first message's type (`OrderCreated`). */
  type: string;
  /** When its first message was written. */
  at: number;
  step: number | null;
  /** The CloudEvent ids of its outbox rows, published or not. */
  outboxIds: string[];
}

type Entry = HistoryEntry<{ kind: string }> & { step: number | null };

/** Every order the facts name, in the order they started. */
export function orderThreads(facts: readonly Entry[]): OrderThread[] {
  const state = threadsFold.start();
  threadsFold.add(state, facts, 0, facts.length);
  return threadsFold.result(state);
}

interface ThreadsState {
  /** By correlation id, in the order they started; a thread that changes is replaced, never changed. */
  threads: Map<string, OrderThread>;
  /** The saga of each order id (the last one written), and the threads of each order id. */
  sagas: Map<string, string>;
  byOrder: Map<string, string[]>;
}

/** The threads as a fold: the facts in order, each thread's saga the last one written for its order. */
export const threadsFold = {
  start: (): ThreadsState => ({ threads: new Map(), sagas: new Map(), byOrder: new Map() }),
  add(s: ThreadsState, facts: readonly Entry[], from: number, to: number): true {
    for (let i = from; i < to; i++) addFact(s, facts[i]);
    return true;
  },
  result: (s: ThreadsState): OrderThread[] => [...s.threads.values()],
};

function addFact(s: ThreadsState, e: Entry): void {
  const start = (correlation: string, orderId: string, type: string) => {
    if (s.threads.has(correlation)) return;
    const sagaId = s.sagas.get(orderId) ?? null;
    s.threads.set(correlation, { correlation, orderId, sagaId, type, at: e.at, step: e.step, outboxIds: [] });
    (s.byOrder.get(orderId) ?? s.byOrder.set(orderId, []).get(orderId)!).push(correlation);
  };
  const change = (correlation: string, to: Partial<OrderThread>) =>
    s.threads.set(correlation, { ...s.threads.get(correlation)!, ...to });
  const fact = e.fact as Fact;
  if (fact.kind === 'commit') {
    for (const c of fact.changes) {
      if (c.op !== 'put') continue;
      if (c.table === 'sagas' && typeof c.row.orderId === 'string') {
        const sagaId = String(c.row.id);
        s.sagas.set(c.row.orderId, sagaId);
        for (const correlation of s.byOrder.get(c.row.orderId) ?? [])
          if (s.threads.get(correlation)!.sagaId !== sagaId) change(correlation, { sagaId });
      }
      if (c.table !== 'outbox') continue;
      const { id, correlationid, aggregateid, type } = c.row as Record<string, string>;
      if (correlationid === id) start(correlationid, aggregateid, type);
      const thread = s.threads.get(correlationid);
      if (thread && !thread.outboxIds.includes(id))
        change(correlationid, { outboxIds: [...thread.outboxIds, id] });
    }
  } else if (fact.kind === 'broker-commit' || fact.kind === 'broker-hydrate') {
    for (const record of logRowsOf(fact)) {
      const { id, correlationid, subject, type, source } = record.event;
      // Only a shop service starts an order: not the broker (a dead letter), nor a CDC connector's change event.
      if (correlationid === id && participantOfSource(source) !== 'broker')
        start(correlationid, subject, type);
    }
  }
}

function logRowsOf(fact: Fact): LogRow[] {
  if (fact.kind === 'broker-commit')
    return fact.changes.flatMap((c) =>
      c.op === 'put' && c.table === 'log' ? [c.row as unknown as LogRow] : [],
    );
  if (fact.kind === 'broker-hydrate') return (fact.tables.log ?? []) as unknown as LogRow[];
  return [];
}
