import { describe, expect, it } from 'vitest';
import type { ConductorEvent } from '../../runtime/controller';
import { applyEvents } from './applyEvents';
import { initialState, LOG_LIMIT } from './initialState';
import { duplicatesSkipped } from './selectors';

const run = (events: ConductorEvent[], state = initialState()) => applyEvents(state, events, 1000);

describe('applyEvents', () => {
  it('returns the same state for an empty batch', () => {
    const s = initialState();
    expect(applyEvents(s, [], 0)).toBe(s);
  });

  it('rebuilds the mirror on hydrate and patches it on commit', () => {
    const s = run([
      { kind: 'hydrate', service: 'order', tables: { orders: [{ id: 'o1', status: 'PENDING' }] } },
      {
        kind: 'commit',
        service: 'order',
        changes: [{ table: 'orders', op: 'put', key: 'o1', row: { id: 'o1', status: 'COMPLETED' } }],
      },
    ]);
    expect(s.mirror.order.orders.get('o1')).toEqual({ id: 'o1', status: 'COMPLETED' });
  });

  it('keeps the duplicate guards as the run last said them', () => {
    expect(initialState().guards).toBeNull();
    const off = { inbox: false, idempotencyKeys: true, semanticLocks: true };
    const s = run([
      { kind: 'guards', guards: { ...off, inbox: true } },
      { kind: 'guards', guards: off },
    ]);
    expect(s.guards).toEqual(off);
  });

  it('tracks process status, armed point and where a process crashed', () => {
    let s = run([{ kind: 'process', process: 'payment', status: 'running', armed: 'before-commit' }]);
    expect(s.processes.payment).toEqual({ status: 'running', armed: 'before-commit', crashedAt: null });
    s = run([{ kind: 'crashed', process: 'payment', point: 'before-commit' }], s);
    expect(s.processes.payment).toEqual({ status: 'crashed', armed: null, crashedAt: 'before-commit' });
    // A status event after the fact keeps the point the fact reported.
    s = run([{ kind: 'process', process: 'payment', status: 'crashed', armed: null }], s);
    expect(s.processes.payment.crashedAt).toBe('before-commit');
    s = run([{ kind: 'process', process: 'payment', status: 'restarting', armed: null }], s);
    expect(s.processes.payment.status).toBe('restarting');
    s = run([{ kind: 'ready', process: 'payment' }], s);
    expect(s.processes.payment).toEqual({ status: 'running', armed: null, crashedAt: null });
    expect(s.activity.log.map((e) => e.kind)).toEqual(['crashed', 'restarting', 'recovered']);
  });

  it('knows of an orchestrator only once the run reports one', () => {
    expect(initialState().processes.orchestrator).toBeUndefined();
    const s = run([{ kind: 'process', process: 'orchestrator', status: 'starting', armed: null }]);
    expect(s.processes.orchestrator).toEqual({ status: 'starting', armed: null, crashedAt: null });
  });

  it('does not log a recovery for the first start', () => {
    const s = run([
      { kind: 'process', process: 'broker', status: 'starting', armed: null },
      { kind: 'ready', process: 'broker' },
      { kind: 'process', process: 'broker', status: 'running', armed: null },
    ]);
    expect(s.processes.broker.status).toBe('running');
    expect(s.activity.log).toEqual([]);
  });

  it('logs a manual kill', () => {
    const s = run([{ kind: 'crashed', process: 'broker', point: 'manual' }]);
    expect(s.processes.broker.crashedAt).toBe('manual');
    expect(s.activity.log[0]).toMatchObject({ kind: 'crashed', process: 'broker', at: 1000 });
  });

  it('counts published, delivered and duplicates per service', () => {
    const s = run([
      { kind: 'published', service: 'order', count: 3, topics: ['order-events'] },
      { kind: 'published', service: 'order', count: 2, topics: ['order-events'] },
      { kind: 'delivered', service: 'payment', count: 4, topic: 'order-events' },
      { kind: 'duplicate', service: 'payment', messageId: 'msg-123456789', type: 'OrderCreated' },
    ]);
    expect(s.activity.services.order.published).toBe(5);
    expect(s.activity.services.payment).toMatchObject({ delivered: 4, duplicates: 1 });
    expect(s.activity.log[0]).toMatchObject({ kind: 'duplicate', process: 'payment' });
    expect(s.activity.log[0].text).toContain('OrderCreated');
  });

  it('counts skipped duplicates once whether they arrive as facts, as meta commits, or both', () => {
    let s = run([
      { kind: 'hydrate', service: 'payment', tables: { meta: [{ key: 'duplicatesSkipped', value: 2 }] } },
    ]);
    expect(duplicatesSkipped(s, 'payment')).toBe(2);
    s = run([{ kind: 'duplicate', service: 'payment', messageId: 'm', type: 'OrderCreated' }], s);
    expect(duplicatesSkipped(s, 'payment')).toBe(3);
    s = run(
      [
        {
          kind: 'commit',
          service: 'payment',
          changes: [
            {
              table: 'meta',
              op: 'put',
              key: 'duplicatesSkipped',
              row: { key: 'duplicatesSkipped', value: 3 },
            },
          ],
        },
      ],
      s,
    );
    expect(duplicatesSkipped(s, 'payment')).toBe(3);
    // After a restart the durable count is the truth again.
    s = run(
      [{ kind: 'hydrate', service: 'payment', tables: { meta: [{ key: 'duplicatesSkipped', value: 3 }] } }],
      s,
    );
    expect(duplicatesSkipped(s, 'payment')).toBe(3);
  });

  it('keeps the latest broker stats', () => {
    const stats = {
      partitions: [{ topic: 't', partition: 0, endOffset: 4 }],
      groups: [],
      deadLetters: 1,
      paused: false,
    };
    expect(run([{ kind: 'broker', stats }]).broker).toBe(stats);
  });

  it('logs handler failures and dead letters', () => {
    const s = run([
      {
        kind: 'handler-failed',
        service: 'inventory',
        messageId: 'm1',
        type: 'PaymentCompleted',
        error: 'boom',
      },
      {
        kind: 'dead-lettered',
        group: 'inventory',
        topic: 'payment-events',
        messageId: 'm1',
        type: 'PaymentCompleted',
        error: 'boom',
      },
    ]);
    expect(s.activity.services.inventory.handlerFailures).toBe(1);
    expect(s.activity.log.map((e) => e.kind)).toEqual(['handler-failed', 'dead-lettered']);
  });

  it('logs a saga turning back, getting stuck and ending compensated, once each', () => {
    const put = (status: string, extra: Record<string, unknown> = {}): ConductorEvent => ({
      kind: 'commit',
      service: 'orchestrator',
      changes: [
        {
          table: 'sagas',
          op: 'put',
          key: 'saga-o-1',
          row: { id: 'saga-o-1', orderId: 'o-1', status, ...extra },
        },
      ],
    });
    let s = run([
      put('RUNNING'),
      put('COMPENSATING', { failure: 'RegionNotServed: we do not ship to MOON' }),
    ]);
    s = run([put('STUCK', { stuckReason: 'ReleaseInventory failed 4 times' }), put('STUCK')], s);
    s = run([put('COMPENSATED')], s);
    expect(s.activity.log.map((e) => [e.kind, e.text])).toEqual([
      ['saga', 'saga for o-1 compensating after RegionNotServed: we do not ship to MOON'],
      ['saga', 'saga for o-1 STUCK: ReleaseInventory failed 4 times'],
      ['saga', 'saga for o-1 fully compensated'],
    ]);
  });

  it('collects errors with unique sequence numbers and a cap', () => {
    const errors: ConductorEvent[] = Array.from({ length: 8 }, (_, i) => ({
      kind: 'error',
      code: `E${i}`,
      message: 'm',
    }));
    const s = run(errors);
    expect(s.errors.map((e) => e.code)).toEqual(['E3', 'E4', 'E5', 'E6', 'E7']);
    expect(new Set(s.errors.map((e) => e.seq)).size).toBe(5);
  });

  it('keeps the log to its limit, newest last', () => {
    const many: ConductorEvent[] = Array.from({ length: LOG_LIMIT + 10 }, (_, i) => ({
      kind: 'duplicate',
      service: 'shipping',
      messageId: `m${i}`,
      type: 'InventoryReserved',
    }));
    const s = run(many);
    expect(s.activity.log).toHaveLength(LOG_LIMIT);
    expect(s.activity.log.at(-1)?.text).toContain(`m${LOG_LIMIT + 9}`);
  });

  it('follows the conductor’s pause state', () => {
    let s = run([{ kind: 'paused', paused: true }]);
    expect(s.playing).toBe(false);
    s = run([{ kind: 'paused', paused: false }], s);
    expect(s.playing).toBe(true);
  });

  it('takes the invariant checker’s verdict and remembers when and how it was checked', () => {
    const anomalies = [{ invariant: 'no-double-charge' as const, message: 'o-1 charged twice' }];
    const s = run([{ kind: 'anomalies', anomalies, settled: true }]);
    expect(s.anomalies).toBe(anomalies);
    expect(s.anomalyCheck).toEqual({ at: 1000, settled: true });
  });

  it('leaves untouched slices identical so selectors do not re-render', () => {
    const s0 = initialState();
    const s1 = run([{ kind: 'published', service: 'order', count: 1, topics: [] }], s0);
    expect(s1.mirror).toBe(s0.mirror);
    expect(s1.processes).toBe(s0.processes);
    expect(s1.errors).toBe(s0.errors);
    expect(s1.activity.log).toBe(s0.activity.log);
    expect(s1.activity.services.payment).toBe(s0.activity.services.payment);
  });
});
