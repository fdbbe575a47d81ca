// The two-phase-commit coordinator, in the order service: the "before"
// approach to a distributed transaction. Phase one asks every participant to
// prepare (they lock what the order needs); phase two tells them all to commit
// or abort. The decision is logged before phase two, so a restarted coordinator
// finishes what it started; until it does, prepared participants hold their
// locks and everyone who needs the same stock or credit waits.

import type { Procedure, ProcedureContext } from '../service/definition';
import type { OrderRow, ServiceName } from '../rows';
import type { PlaceOrder } from './order';
import { priceOf } from './catalog';
import type { OrderFacts } from './sagaMessages';
import type { Vote } from './participant';

export interface TwoPhaseRow {
  txId: string;
  orderId: string;
  order: OrderFacts;
  state: 'PREPARING' | 'COMMITTING' | 'ABORTING' | 'DONE';
  participants: ServiceName[];
  votes: Record<string, Vote>;
  updated_at: number;
}

export const COORDINATOR_TABLES = { twopc: 'txId, state' } as const;
const PARTICIPANTS: ServiceName[] = ['payment', 'inventory'];

async function save(
  p: ProcedureContext,
  txId: string,
  patch: Partial<TwoPhaseRow>,
  orderStatus?: OrderRow['status'],
) {
  await p.transaction(async (ctx) => {
    const log = ctx.table<TwoPhaseRow>('twopc');
    const row = (await log.get(txId))!;
    await log.put({ ...row, ...patch, updated_at: ctx.now });
    if (orderStatus) {
      const orders = ctx.table<OrderRow>('orders');
      await orders.put({ ...(await orders.get(row.orderId))!, status: orderStatus });
    }
  });
}

/** Drives one transaction from whatever state its log row is in to DONE. */
async function drive(p: ProcedureContext, row: TwoPhaseRow): Promise<void> {
  let state = row.state;
  if (state === 'PREPARING') {
    const votes = await Promise.all(
      row.participants.map((s) =>
        p
          .call<Vote>(s, 'prepare', { txId: row.txId, order: row.order })
          .catch((e: Error): Vote => ({ vote: 'no', reason: e.message })),
      ),
    );
    p.crashPoint('coordinator-after-prepare');
    state = votes.every((v) => v.vote === 'yes') ? 'COMMITTING' : 'ABORTING';
    await save(p, row.txId, {
      state,
      votes: Object.fromEntries(row.participants.map((s, i) => [s, votes[i]])),
    });
  }
  if (state === 'DONE') return;
  const decision = state === 'COMMITTING' ? 'commit' : 'abort';
  // Phase two must reach everyone; a participant that is down gets it when the coordinator next recovers.
  await Promise.all(row.participants.map((s) => p.call(s, decision, { txId: row.txId })));
  await save(p, row.txId, { state: 'DONE' }, decision === 'commit' ? 'COMPLETED' : 'CANCELLED');
}

export const placeOrder2pc: Procedure = async (p, input) => {
  const { customerId, items, total, region } = input as PlaceOrder;
  const row = await p.transaction(async (ctx) => {
    const order: OrderRow = {
      id: ctx.newId('o'),
      customerId,
      items,
      region: region ?? 'EU',
      total: total ?? priceOf(items),
      status: 'PENDING',
      created_at: ctx.now,
    };
    await ctx.table<OrderRow>('orders').add(order);
    const tx: TwoPhaseRow = {
      txId: ctx.newId('tx'),
      orderId: order.id,
      order: { orderId: order.id, customerId, items, total: order.total, region: order.region },
      state: 'PREPARING',
      participants: PARTICIPANTS,
      votes: {},
      updated_at: ctx.now,
    };
    await ctx.table<TwoPhaseRow>('twopc').add(tx);
    return tx;
  });
  await drive(p, row);
  return row.orderId;
};

/** After a restart: finish every transaction the log says is not done (undecided ones are asked again). */
export const recoverTwoPhase: Procedure = async (p) => {
  const open = await p.transaction((ctx) =>
    ctx.table<TwoPhaseRow>('twopc').where('state').anyOf('PREPARING', 'COMMITTING', 'ABORTING').toArray(),
  );
  await Promise.all(open.map((row) => drive(p, row)));
};
