import { describe, expect, it } from 'vitest';
import type { ConductorEvent } from '../../runtime/controller';
import { applyEvents } from './applyEvents';
import { initialState } from './initialState';
import { coordinatorView, participantView } from './twoPhase';

const run = (events: ConductorEvent[]) => applyEvents(initialState(), events, 0);
const up = (process: 'order' | 'inventory' | 'payment'): ConductorEvent => ({
  kind: 'process',
  process,
  status: 'running',
  armed: null,
});
const crashed = (process: 'order'): ConductorEvent => ({
  kind: 'crashed',
  process,
  point: 'coordinator-after-prepare',
});

const tx = (txId: string, orderId: string, state: string, updated_at: number, votes = {}) => ({
  txId,
  orderId,
  state,
  participants: ['payment', 'inventory'],
  votes,
  updated_at,
});

const lock = (resource: string, txId: string, since: number) => ({
  resource,
  txId,
  orderId: `o-${txId}`,
  since,
});
const prepared = (txId: string, outcome: string) => ({ txId, resources: [], prepared_at: 0, outcome });

/** Inventory as in the blocked demo: alice's tx holds the lamp, bob's prepare waits for it. */
const blockedInventory: ConductorEvent = {
  kind: 'hydrate',
  service: 'inventory',
  tables: {
    locks: [lock('stock:SKU-LAMP', 'tx-a', 10)],
    prepared: [prepared('tx-a', 'PREPARED'), prepared('tx-old', 'COMMITTED')],
    lockWaits: [
      {
        txId: 'tx-b',
        orderId: 'o-b',
        resource: 'stock:SKU-LAMP',
        heldBy: 'tx-a',
        since: 12,
        cancelled: false,
      },
      {
        txId: 'tx-c',
        orderId: 'o-c',
        resource: 'stock:SKU-LAMP',
        heldBy: 'tx-a',
        since: 11,
        cancelled: true,
      },
    ],
  },
};

describe('coordinatorView', () => {
  it('lists in-doubt transactions first, oldest first, then the newest finished ones', () => {
    const s = run([
      {
        kind: 'hydrate',
        service: 'order',
        tables: {
          twopc: [
            tx('tx-1', 'o-1', 'DONE', 1, { payment: { vote: 'yes' }, inventory: { vote: 'yes' } }),
            tx('tx-2', 'o-2', 'PREPARING', 5),
            tx('tx-3', 'o-3', 'DONE', 3, {
              payment: { vote: 'yes' },
              inventory: { vote: 'no', reason: 'out of stock' },
            }),
            tx('tx-4', 'o-4', 'COMMITTING', 2),
          ],
        },
      },
    ]);
    const view = coordinatorView(s);
    expect(view.rows.map((r) => [r.txId, r.state, r.inDoubt])).toEqual([
      ['tx-4', 'COMMITTING', true],
      ['tx-2', 'PREPARING', true],
      ['tx-3', 'DONE', false],
      ['tx-1', 'DONE', false],
    ]);
    expect(view).toMatchObject({ inDoubt: 2, total: 4 });
    expect(view.rows.map((r) => r.votes)).toEqual([null, null, '1/2 yes', '2/2 yes']);
  });

  it('follows the log as commits move a transaction to DONE', () => {
    const s = run([
      { kind: 'hydrate', service: 'order', tables: { twopc: [tx('tx-1', 'o-1', 'PREPARING', 1)] } },
      {
        kind: 'commit',
        service: 'order',
        changes: [{ table: 'twopc', op: 'put', key: 'tx-1', row: tx('tx-1', 'o-1', 'DONE', 2) }],
      },
    ]);
    expect(coordinatorView(s)).toMatchObject({ inDoubt: 0, total: 1, rows: [{ state: 'DONE' }] });
  });
});

describe('participantView', () => {
  it('is blocked while it holds locks and promises and the coordinator is down', () => {
    const view = participantView(run([up('inventory'), crashed('order'), blockedInventory]), 'inventory');
    expect(view).toMatchObject({
      state: 'blocked',
      coordinatorDown: true,
      prepared: 1,
      transactions: ['tx-a'],
    });
    expect(view.locks.map((l) => l.resource)).toEqual(['stock:SKU-LAMP']);
    // The wait an abort cancelled is over; only bob's order still waits.
    expect(view.waits).toEqual([
      { txId: 'tx-b', orderId: 'o-b', resource: 'stock:SKU-LAMP', heldBy: 'tx-a', since: 12 },
    ]);
  });

  it('is in doubt, not blocked, while the coordinator is up', () => {
    expect(participantView(run([up('order'), blockedInventory]), 'inventory').state).toBe('in-doubt');
  });

  it('counts a prepared promise without locks as holding on', () => {
    const s = run([
      crashed('order'),
      {
        kind: 'hydrate',
        service: 'payment',
        tables: { prepared: [prepared('tx-z', 'PREPARED')], locks: [], lockWaits: [] },
      },
    ]);
    expect(participantView(s, 'payment')).toMatchObject({
      state: 'blocked',
      prepared: 1,
      transactions: ['tx-z'],
    });
  });

  it('is idle once the decision released the locks, deleted by their primary key after a hydrate', () => {
    const s = run([
      crashed('order'),
      blockedInventory,
      {
        kind: 'commit',
        service: 'inventory',
        changes: [
          { table: 'prepared', op: 'put', key: 'tx-a', row: prepared('tx-a', 'COMMITTED') },
          { table: 'locks', op: 'delete', key: 'stock:SKU-LAMP' },
          { table: 'lockWaits', op: 'delete', key: 'tx-b' },
        ],
      },
    ]);
    expect(participantView(s, 'inventory')).toMatchObject({
      state: 'idle',
      locks: [],
      waits: [],
      prepared: 0,
    });
  });

  it('is idle before the participant has reported anything', () => {
    expect(participantView(run([]), 'payment')).toMatchObject({
      state: 'idle',
      locks: [],
      waits: [],
      transactions: [],
    });
  });
});
