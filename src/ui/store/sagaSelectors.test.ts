import { describe, expect, it } from 'vitest';
import type { SagaRow } from '../../core/rows';
import type { ConductorEvent } from '../../runtime/controller';
import { applyEvents } from './applyEvents';
import { initialState } from './initialState';
import {
  matchesFilter,
  sagaCounts,
  selectSagas,
  stuckCount,
  SUMMARY_REFRESH_MS,
  SUMMARY_SAGAS,
  toSagaItems,
} from './sagaSelectors';

const run = (events: ConductorEvent[], state = initialState()) => applyEvents(state, events, 0);

function saga(orderId: string, patch: Partial<SagaRow> = {}): SagaRow {
  return {
    id: `saga-${orderId}`,
    orderId,
    status: 'RUNNING',
    state: 'running.awaiting',
    step: 'reserveInventory',
    completed: ['createOrder'],
    compensated: [],
    skipped: [],
    pending: [],
    failure: null,
    stuckReason: null,
    history: [{ at: 10, step: null, kind: 'command', detail: `saga started for order ${orderId}` }],
    snapshot: { context: { attempt: 1, timer: { due: 4010, kind: 'timeout' } } },
    timer_due: 4010,
    created_at: 100,
    updated_at: 100,
    ...patch,
  };
}

const order = (id: string, created_at: number, status = 'PENDING') => ({
  id,
  customerId: 'bob',
  region: 'EU',
  total: 10,
  items: [],
  status,
  created_at,
});

const outboxRow = (seq: number, aggregateid: string, type: string, created_at: number, payload = {}) => ({
  seq,
  id: `e${seq}`,
  aggregatetype: 'x',
  aggregateid,
  type,
  payload,
  correlationid: '',
  causationid: '',
  created_at,
  published_at: created_at,
});

const orchestrated = (sagas: SagaRow[], orders: ReturnType<typeof order>[]) =>
  run([
    { kind: 'process', process: 'orchestrator', status: 'running', armed: null },
    { kind: 'hydrate', service: 'order', tables: { orders, outbox: [] } },
    { kind: 'hydrate', service: 'orchestrator', tables: { sagas: sagas as never, outbox: [] } },
  ]);

describe('saga selectors', () => {
  it('lists orchestrated sagas from the sagas table, newest order first, with attempt and timer', () => {
    const s = orchestrated(
      [
        saga('o-1'),
        saga('o-2', { status: 'STUCK', state: 'stuck', stuckReason: 'ReleaseInventory failed 4 times' }),
      ],
      [order('o-1', 1), order('o-2', 2)],
    );
    const items = selectSagas(s);
    expect(items.map((i) => [i.orderId, i.status, i.style])).toEqual([
      ['o-2', 'STUCK', 'orchestration'],
      ['o-1', 'RUNNING', 'orchestration'],
    ]);
    expect(items[1]).toMatchObject({
      attempt: 1,
      timer: { due: 4010, kind: 'timeout' },
      awaitingOrchestrator: false,
    });
    expect(stuckCount(s)).toBe(1);
  });

  it('reads a retry timer from the machine state when the snapshot has no context', () => {
    const s = orchestrated(
      [saga('o-1', { state: 'running.waiting', snapshot: null, timer_due: 900 })],
      [order('o-1', 1)],
    );
    expect(selectSagas(s)[0]).toMatchObject({ attempt: null, timer: { due: 900, kind: 'retry' } });
  });

  it('marks orders the orchestrator has not picked up yet instead of calling them choreographed', () => {
    const s = orchestrated([saga('o-1')], [order('o-1', 1), order('o-2', 2)]);
    const waiting = selectSagas(s).find((i) => i.orderId === 'o-2')!;
    expect(waiting).toMatchObject({ awaitingOrchestrator: true, style: 'orchestration', status: 'RUNNING' });
  });

  it('reads a choreographed saga off the outbox events of its order', () => {
    const s = run([
      {
        kind: 'hydrate',
        service: 'order',
        tables: { orders: [order('o-1', 1, 'CANCELLED')], outbox: [outboxRow(1, 'o-1', 'OrderCreated', 1)] },
      },
      {
        kind: 'hydrate',
        service: 'payment',
        tables: {
          outbox: [outboxRow(1, 'o-1', 'PaymentCompleted', 2), outboxRow(2, 'o-1', 'PaymentRefunded', 4)],
        },
      },
      {
        kind: 'hydrate',
        service: 'inventory',
        tables: {
          outbox: [
            outboxRow(1, 'o-1', 'InventoryReservationFailed', 3, { message: 'out of stock: SKU-LAMP' }),
          ],
        },
      },
    ]);
    const [item] = selectSagas(s);
    expect(item).toMatchObject({
      style: 'choreography',
      status: 'COMPENSATED',
      failure: 'out of stock: SKU-LAMP',
    });
    expect(item.history.map((h) => h.detail)).toEqual([
      'OrderCreated',
      'PaymentCompleted',
      'InventoryReservationFailed',
      'PaymentRefunded',
    ]);
    expect(item.awaitingOrchestrator).toBe(false);
  });

  it('returns the same array until a table it reads changes', () => {
    const s1 = orchestrated([saga('o-1')], [order('o-1', 1)]);
    const first = selectSagas(s1);
    const s2 = run(
      [
        {
          kind: 'commit',
          service: 'inventory',
          changes: [{ table: 'stock', op: 'put', key: 'A', row: { sku: 'A' } }],
        },
      ],
      s1,
    );
    expect(selectSagas(s2)).toBe(first);
    const s3 = run(
      [
        {
          kind: 'commit',
          service: 'orchestrator',
          changes: [
            {
              table: 'sagas',
              op: 'put',
              key: 'saga-o-1',
              row: saga('o-1', { status: 'COMPLETED' }) as never,
            },
          ],
        },
      ],
      s2,
    );
    expect(selectSagas(s3)).not.toBe(first);
    expect(selectSagas(s3)[0].status).toBe('COMPLETED');
  });

  it('while the store summarises, lists the newest sagas and every stuck one, refreshed at most once a second', () => {
    const n = SUMMARY_SAGAS + 10;
    const sagas = Array.from({ length: n }, (_, i) => saga(`o-${i}`, i === 0 ? { status: 'STUCK' } : {}));
    const orders = Array.from({ length: n }, (_, i) => order(`o-${i}`, i));
    const busy = { ...orchestrated(sagas, orders), summarising: true };
    const first = selectSagas(busy, 1_000);
    expect(first).toHaveLength(SUMMARY_SAGAS + 1);
    expect(first[0].orderId).toBe(`o-${n - 1}`);
    expect(first.some((item) => item.orderId === 'o-0' && item.status === 'STUCK')).toBe(true);
    const later = run(
      [
        {
          kind: 'hydrate',
          service: 'order',
          tables: { orders: [...orders, order('o-new', 10_000)], outbox: [] },
        },
      ],
      busy,
    );
    expect(selectSagas({ ...later, summarising: true }, 1_500)).toBe(first);
    expect(selectSagas({ ...later, summarising: true }, 1_000 + SUMMARY_REFRESH_MS)[0].orderId).toBe('o-new');
    expect(selectSagas({ ...later, summarising: false }, 3_000)).toHaveLength(n + 1);
  });

  it('filters and counts by status, running including compensating', () => {
    const items = toSagaItems(
      orchestrated(
        [
          saga('o-1'),
          saga('o-2', { status: 'COMPENSATING' }),
          saga('o-3', { status: 'STUCK' }),
          saga('o-4', { status: 'COMPLETED' }),
          saga('o-5', { status: 'COMPENSATED' }),
        ],
        [1, 2, 3, 4, 5].map((n) => order(`o-${n}`, n)),
      ),
    );
    expect(sagaCounts(items)).toEqual({ all: 5, running: 2, stuck: 1, compensated: 1, completed: 1 });
    expect(items.filter((i) => matchesFilter(i, 'running')).map((i) => i.orderId)).toEqual(['o-2', 'o-1']);
  });
});
