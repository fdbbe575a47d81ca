// A two-phase-commit participant. Prepare takes locks on the resources an order
// needs and promises to commit; until the coordinator decides, those locks
// block everyone else who needs the same resources. Every step is a local
// transaction, so the promise survives a crash of the participant too.

import type { HandlerContext, Procedure } from '../service/definition';
import type { OrderFacts } from './sagaMessages';

export const PARTICIPANT_TABLES = {
  prepared: 'txId',
  locks: 'resource, txId',
  lockWaits: 'txId',
} as const;

export interface PreparedRow {
  txId: string;
  order: OrderFacts | null;
  resources: string[];
  prepared_at: number;
  /**
   * Kept after the decision, so a late or repeated prepare (a caller that died while it waited) cannot
   * take the locks again for a transaction that is already over.
   */
  outcome: 'PREPARED' | 'COMMITTED' | 'ABORTED';
}

export interface LockRow {
  resource: string;
  txId: string;
  orderId: string;
  since: number;
}

export interface LockWaitRow {
  txId: string;
  orderId: string;
  resource: string;
  heldBy: string;
  since: number;
  /** Set by an abort that arrives while the prepare is still waiting. */
  cancelled: boolean;
}

export interface ParticipantSpec {
  resources(order: OrderFacts): string[];
  /** The business rule, checked at prepare: null if the work can be done, else why not. */
  check(ctx: HandlerContext, order: OrderFacts): Promise<string | null>;
  /** The work itself, done at commit. */
  apply(ctx: HandlerContext, order: OrderFacts): Promise<void>;
}

export type Vote = { vote: 'yes' } | { vote: 'no'; reason: string };

const LOCK_POLL_MS = 50;

export function participantEndpoints(spec: ParticipantSpec): Record<string, Procedure> {
  const tryPrepare = (ctx: HandlerContext, txId: string, order: OrderFacts): Promise<Vote | 'wait'> =>
    (async () => {
      const known = await ctx.table<PreparedRow>('prepared').get(txId);
      if (known)
        return known.outcome === 'ABORTED'
          ? ({ vote: 'no', reason: 'already aborted' } as const)
          : ({ vote: 'yes' } as const);
      const waits = ctx.table<LockWaitRow>('lockWaits');
      const waiting = await waits.get(txId);
      if (waiting?.cancelled) {
        await waits.delete(txId);
        return { vote: 'no', reason: 'aborted while waiting for a lock' } as const;
      }
      const resources = spec.resources(order);
      const held = (await ctx.table<LockRow>('locks').bulkGet(resources)).find((l) => l && l.txId !== txId);
      if (held) {
        if (!waiting)
          await waits.put({
            txId,
            orderId: order.orderId,
            resource: held.resource,
            heldBy: held.txId,
            since: ctx.now,
            cancelled: false,
          });
        return 'wait' as const;
      }
      if (waiting) await waits.delete(txId);
      const reason = await spec.check(ctx, order);
      if (reason) return { vote: 'no', reason } as const;
      await ctx
        .table<PreparedRow>('prepared')
        .put({ txId, order, resources, prepared_at: ctx.now, outcome: 'PREPARED' });
      await ctx
        .table<LockRow>('locks')
        .bulkPut(resources.map((resource) => ({ resource, txId, orderId: order.orderId, since: ctx.now })));
      return { vote: 'yes' } as const;
    })();

  const decide = async (ctx: HandlerContext, txId: string, outcome: 'COMMITTED' | 'ABORTED') => {
    const prepared = ctx.table<PreparedRow>('prepared');
    const row = await prepared.get(txId);
    await prepared.put({
      txId,
      order: row?.order ?? null,
      resources: row?.resources ?? [],
      prepared_at: row?.prepared_at ?? ctx.now,
      outcome,
    });
    await ctx.table('locks').where('txId').equals(txId).delete();
  };

  return {
    async prepare(p, input) {
      const { txId, order } = input as { txId: string; order: OrderFacts };
      for (;;) {
        const outcome = await p.transaction((ctx) => tryPrepare(ctx, txId, order));
        if (outcome !== 'wait') return outcome;
        await p.sleep(LOCK_POLL_MS); // blocked: someone else's prepared transaction holds what we need
      }
    },
    commit: (p, input) =>
      p.transaction(async (ctx) => {
        const { txId } = input as { txId: string };
        const prepared = await ctx.table<PreparedRow>('prepared').get(txId);
        if (prepared?.outcome !== 'PREPARED')
          return `nothing to commit (${prepared?.outcome ?? 'never prepared'})`;
        await spec.apply(ctx, prepared.order!);
        await decide(ctx, txId, 'COMMITTED');
        return 'committed';
      }),
    abort: (p, input) =>
      p.transaction(async (ctx) => {
        const { txId } = input as { txId: string };
        const prepared = await ctx.table<PreparedRow>('prepared').get(txId);
        if (prepared?.outcome === 'COMMITTED') return 'already committed';
        await decide(ctx, txId, 'ABORTED');
        const waits = ctx.table<LockWaitRow>('lockWaits');
        const waiting = await waits.get(txId);
        if (waiting) await waits.put({ ...waiting, cancelled: true });
        return 'aborted';
      }),
  };
}
