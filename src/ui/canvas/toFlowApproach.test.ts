import { describe, expect, it } from 'vitest';
import type { ConductorEvent } from '../../runtime/controller';
import { DEFAULT_APPROACH, type Approach } from '../approach';
import { applyEvents } from '../store/applyEvents';
import { initialState } from '../store/initialState';
import type { BrokerNodeData, ServiceNodeData } from './flowTypes';
import { toFlow } from './toFlow';

const approach = (patch: Partial<Approach>): Approach => ({ ...DEFAULT_APPROACH, ...patch });

const events: ConductorEvent[] = [
  {
    kind: 'broker',
    stats: {
      partitions: [{ topic: 'order-events', partition: 0, endOffset: 0 }],
      groups: [
        {
          group: 'payment',
          topic: 'order-events',
          partition: 0,
          committed: 0,
          inflight: 0,
          lag: 0,
          member: 'm',
        },
      ],
      deadLetters: 0,
      paused: false,
    },
  },
  { kind: 'published', service: 'order', count: 2, topics: ['order-events'] },
];
const state = applyEvents(initialState(), events, 0);

describe('toFlow by approach', () => {
  it('keeps the edges of a run without events, quiet and at 0, and says why the broker is empty', () => {
    const { edges, nodes } = toFlow(state, approach({ ordering: 'direct-calls' }));
    expect(edges.map((e) => e.id)).toEqual(['publish:order:order-events', 'deliver:payment']);
    expect(edges.every((e) => e.data!.tone === 'quiet')).toBe(true);
    expect(edges[0].data!.lines.map((l) => l.text)).toEqual(['order-events', '0 events']);
    expect(edges[1].data!.lines).toEqual([{ text: '0 events', muted: true }]);
    expect((nodes[4].data as BrokerNodeData).quiet).toMatch(/^Direct calls/);
  });

  it('labels a dual-write publish edge with what was sent without an outbox', () => {
    const { edges, nodes } = toFlow(state, approach({ publishing: 'dual-write' }));
    expect(edges[0].data!.lines.map((l) => l.text)).toEqual(['order-events', '2 sent, no outbox']);
    expect(edges[0].data!.tone).toBe('idle');
    expect((nodes[4].data as BrokerNodeData).quiet).toBeNull();
    expect((nodes[0].data as ServiceNodeData).lower).toMatchObject({ kind: 'dual-write', sent: 2 });
  });

  it('gives the two-phase-commit participants fewer business rows, so their locks fit the same node', () => {
    const { nodes } = toFlow(state, approach({ ordering: 'two-phase-commit' }));
    const payment = nodes[1].data as ServiceNodeData;
    expect(payment.business[0]).toMatchObject({ table: 'payments', slots: 4 });
    expect(payment.lower.kind).toBe('participant');
  });
});
