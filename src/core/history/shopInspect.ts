// inspect(kind, id) for the shop: the row, broker record or saga as folded
// from the facts, the commit that last wrote it, and its causal chain. Links
// come only from what the rows carry and the transactions that wrote them: a
// consumer's inbox row (message_id) ← the broker record with that CloudEvent
// id ← the outbox row with that id ← the inbox row its transaction wrote…;
// and forward, the rows a handling transaction wrote, its outbox rows, their
// records, the inboxes that took them. Pure.

import type { LogRow } from '../broker/brokerDb';
import type { Row } from '../rows';
import type { Change, Fact } from '../telemetry';
import type { HistoryEntry } from './factHistory';
import type { CausalLink, Found } from './historySpec';
import { keyText } from './keyOrder';
import type { ShopState } from './shopFold';
import { shopKeys } from './shopFold';

/** Links followed each way at most: a saga's chain is long, and the nearest links tell the story. */
const MAX_LINKS = 24;
/** Tables whose rows are bookkeeping rather than effects of a transaction. */
const BOOKKEEPING = new Set(['meta', 'changes', 'inbox']);

type Put = Extract<Change, { op: 'put' }>;
type Node = { kind: string; service: string; id: string };

interface Written {
  entry: HistoryEntry<{ kind: string }>;
  service: string;
  changes: Change[];
}

export function shopInspect(
  state: ShopState,
  facts: readonly HistoryEntry<{ kind: string }>[],
  kind: string,
  id: string,
  service?: string,
): Found {
  const world = new ShopWorld(state, facts);
  const start = world.find(kind, id, service);
  if (!start) throw new Error(`no ${service ? `${service}/` : ''}${kind} "${id}" in the recorded history`);
  const walk = (next: (n: Node) => CausalLink[]) => {
    const seen = new Set([nodeKey(start.node)]);
    const links: CausalLink[] = [];
    const queue = [start.node];
    while (queue.length && links.length < MAX_LINKS)
      for (const link of next(queue.shift()!))
        if (!seen.has(nodeKey(link)) && links.length < MAX_LINKS) {
          seen.add(nodeKey(link));
          links.push(link);
          queue.push(link);
        }
    return links;
  };
  return {
    ...start.node,
    item: start.item,
    committed: world.writer(start.node)?.entry ?? null,
    causes: walk((n) => world.causes(n)),
    effects: walk((n) => world.effects(n)),
  };
}

/** How inspect names a service's row: an outbox row by its CloudEvent id, every other row by its key. */
export function shopRowId(service: string, table: string, row: Row): string {
  return table === 'outbox' ? String(row.id) : keyText(shopKeys[service]?.(table, row) ?? row.id);
}

const nodeKey = (n: Node) => `${n.kind}\u0000${n.service}\u0000${n.id}`;

class ShopWorld {
  private readonly log: LogRow[];
  private readonly writers = new Map<string, Written>();

  constructor(
    private readonly state: ShopState,
    facts: readonly HistoryEntry<{ kind: string }>[],
  ) {
    this.log = state.dbs.rows('broker', 'log') as unknown as LogRow[];
    // The last transaction that wrote each row, by service, table and key.
    for (const entry of facts) {
      const fact = entry.fact as Fact;
      const service = fact.kind === 'commit' ? fact.service : fact.kind === 'broker-commit' ? 'broker' : null;
      if (!service || !('changes' in fact)) continue;
      const written = { entry, service, changes: fact.changes };
      for (const c of fact.changes)
        if (c.op === 'put') this.writers.set(`${service}\u0000${c.table}\u0000${keyText(c.key)}`, written);
    }
  }

  /** The item and its node: a table row by key (an outbox row also by its CloudEvent id), a record by event id, a saga; in `only` when named. */
  find(kind: string, id: string, only?: string): { node: Node; item: unknown } | null {
    if (kind === 'record') {
      const record = this.log.find((r) => r.event.id === id);
      return record ? { node: { kind, service: 'broker', id }, item: record } : null;
    }
    if (kind === 'saga') {
      const saga = this.rowIn('orchestrator', 'sagas', id);
      if (saga) return { node: { kind, service: 'orchestrator', id }, item: saga.row };
      // A choreographed saga is its order's messages: every outbox row correlated with it.
      const rows = this.services().flatMap((s) =>
        this.state.dbs.rows(s, 'outbox').filter((r) => r.correlationid === id),
      );
      return rows.length
        ? { node: { kind, service: 'choreography', id }, item: { orderId: id, messages: rows } }
        : null;
    }
    const table = kind === 'change' ? 'changes' : kind;
    for (const service of this.services().filter((s) => !only || s === only)) {
      const found = this.rowIn(service, table, id);
      if (found)
        return { node: { kind, service, id: shopRowId(service, table, found.row) }, item: found.row };
    }
    return null;
  }

  causes(n: Node): CausalLink[] {
    if (n.kind === 'record') {
      const source = this.outboxRow(n.id);
      return source
        ? [{ kind: 'outbox', service: source.service, id: n.id, via: 'published from this outbox row' }]
        : [];
    }
    if (n.kind === 'inbox') {
      if (this.log.some((r) => r.event.id === n.id))
        return [
          { kind: 'record', service: 'broker', id: n.id, via: 'the broker record it took (message_id)' },
        ];
      const source = this.outboxRow(n.id);
      return source
        ? [{ kind: 'outbox', service: source.service, id: n.id, via: 'the message it took' }]
        : [];
    }
    if (n.kind === 'saga') return [];
    // A row a transaction wrote was caused by the message that transaction handled (its inbox row)...
    const handled = this.sameTransaction(n)
      .filter((c) => c.table === 'inbox')
      .map((c): CausalLink => ({
        kind: 'inbox',
        service: n.service,
        id: keyText(c.key),
        via: 'handled in the same transaction',
      }));
    if (handled.length || n.kind !== 'outbox') return handled;
    // ...or, without an inbox, by the message its envelope names.
    const row = this.outboxRow(n.id)?.row;
    const cause = row?.causationid as string | undefined;
    if (!cause || cause === n.id) return [];
    return [{ kind: 'record', service: 'broker', id: cause, via: 'its causationid' }];
  }

  effects(n: Node): CausalLink[] {
    if (n.kind === 'record')
      return this.services().flatMap((s) =>
        this.rowIn(s, 'inbox', n.id)
          ? [{ kind: 'inbox', service: s, id: n.id, via: 'taken by this consumer' }]
          : [],
      );
    if (n.kind === 'outbox')
      return this.log.some((r) => r.event.id === n.id)
        ? [{ kind: 'record', service: 'broker', id: n.id, via: 'published as this record' }]
        : [];
    if (n.kind === 'saga')
      return this.services().flatMap((s) =>
        this.state.dbs
          .rows(s, 'outbox')
          .filter((r) => r.correlationid === (this.sagaOrder(n) ?? n.id))
          .map((r): CausalLink => ({
            kind: 'outbox',
            service: s,
            id: String(r.id),
            via: 'a message of this saga',
          })),
      );
    // What the handling transaction wrote besides its bookkeeping: business rows and outbox rows.
    if (n.kind !== 'inbox') return [];
    return this.sameTransaction(n)
      .filter((c) => !BOOKKEEPING.has(c.table))
      .map((c) => ({
        kind: c.table,
        service: n.service,
        id: shopRowId(n.service, c.table, c.row),
        via: 'written by the transaction that took it',
      }));
  }

  /** The recorded transaction that last wrote the node's row. */
  writer(n: Node): Written | undefined {
    if (n.kind === 'record') {
      const record = this.log.find((r) => r.event.id === n.id);
      return (
        record &&
        this.writers.get(`broker\u0000log\u0000${keyText([record.topic, record.partition, record.offset])}`)
      );
    }
    const table = n.kind === 'saga' ? 'sagas' : n.kind === 'change' ? 'changes' : n.kind;
    const found = this.rowIn(n.service, table, n.id);
    return found && this.writers.get(`${n.service}\u0000${table}\u0000${keyText(found.key)}`);
  }

  private sameTransaction(n: Node): Put[] {
    return (this.writer(n)?.changes ?? []).filter((c): c is Put => c.op === 'put');
  }

  private sagaOrder(n: Node): string | undefined {
    return this.rowIn('orchestrator', 'sagas', n.id)?.row.orderId as string | undefined;
  }

  private services(): string[] {
    return Object.keys(shopKeys).filter((s) => s !== 'broker' && this.state.dbs.has(s));
  }

  private outboxRow(eventId: string): { service: string; row: Row } | undefined {
    for (const service of this.services()) {
      const row = this.state.dbs.rows(service, 'outbox').find((r) => r.id === eventId);
      if (row) return { service, row };
    }
    return undefined;
  }

  private rowIn(service: string, table: string, id: string): { key: unknown; row: Row } | undefined {
    const keyOf = shopKeys[service];
    if (!keyOf) return undefined;
    for (const row of this.state.dbs.rows(service, table)) {
      const key = keyOf(table, row);
      if (keyText(key) === id || String(key) === id || (table === 'outbox' && row.id === id))
        return { key, row };
    }
    return undefined;
  }
}
