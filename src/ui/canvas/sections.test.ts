import { describe, expect, it } from 'vitest';
import type { ConductorEvent } from '../../runtime/controller';
import { DEFAULT_APPROACH, type Approach } from '../approach';
import { applyEvents } from '../store/applyEvents';
import { initialState } from '../store/initialState';
import { businessSlots, lowerSection } from './sections';

const run = (events: ConductorEvent[] = []) => applyEvents(initialState(), events, 0);
const approach = (patch: Partial<Approach>): Approach => ({ ...DEFAULT_APPROACH, ...patch });

describe('lowerSection', () => {
  it('shows the outbox and inbox in a run of the patterns', () => {
    expect(lowerSection(run(), DEFAULT_APPROACH, 'payment')).toEqual({ kind: 'outbox' });
  });

  it('says dual write has no outbox, with what was sent straight and what the broker refused', () => {
    const s = run([
      { kind: 'published', service: 'order', count: 3, topics: ['order-events'] },
      { kind: 'publish-lost', service: 'order', types: ['OrderCreated'], error: 'broker refused' },
    ]);
    expect(lowerSection(s, approach({ publishing: 'dual-write' }), 'order')).toEqual({
      kind: 'dual-write',
      sent: 3,
      lost: 1,
      outboxRows: 0,
    });
  });

  it('says direct calls send no events, and counts charges left standing for cancelled orders', () => {
    const direct = approach({ ordering: 'direct-calls' });
    const s = run([
      {
        kind: 'hydrate',
        service: 'order',
        tables: {
          orders: [
            { id: 'o-1', status: 'CANCELLED' },
            { id: 'o-2', status: 'COMPLETED' },
          ],
        },
      },
      {
        kind: 'hydrate',
        service: 'payment',
        tables: {
          payments: [
            { id: 'p-1', orderId: 'o-1', status: 'CHARGED' },
            { id: 'p-2', orderId: 'o-2', status: 'CHARGED' },
          ],
        },
      },
    ]);
    expect(lowerSection(s, direct, 'order')).toMatchObject({
      kind: 'no-events',
      title: 'direct calls: no events',
    });
    expect(lowerSection(s, direct, 'payment')).toMatchObject({
      kind: 'no-events',
      stat: { label: 'charged, order cancelled', value: 1 },
    });
    expect(lowerSection(s, direct, 'shipping')).not.toHaveProperty('stat');
  });

  it('gives two-phase commit the coordinator log, the participants their locks, and shipping a note', () => {
    const twoPc = approach({ ordering: 'two-phase-commit' });
    const s = run();
    expect(lowerSection(s, twoPc, 'order')).toMatchObject({ kind: 'coordinator', view: { inDoubt: 0 } });
    expect(lowerSection(s, twoPc, 'payment')).toMatchObject({ kind: 'participant', view: { state: 'idle' } });
    expect(lowerSection(s, twoPc, 'inventory').kind).toBe('participant');
    expect(lowerSection(s, twoPc, 'shipping')).toMatchObject({
      kind: 'no-events',
      title: 'not in the transaction',
    });
  });
});

describe('businessSlots', () => {
  it('keeps the usual rows, and gives a participant’s rows up to its locks in two-phase commit', () => {
    expect([
      businessSlots(DEFAULT_APPROACH, 'payments'),
      businessSlots(DEFAULT_APPROACH, 'reservations'),
    ]).toEqual([6, 3]);
    const twoPc = approach({ ordering: 'two-phase-commit' });
    expect([
      businessSlots(twoPc, 'orders'),
      businessSlots(twoPc, 'payments'),
      businessSlots(twoPc, 'reservations'),
    ]).toEqual([6, 4, 2]);
  });
});
