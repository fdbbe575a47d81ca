import { describe, expect, it } from 'vitest';
import type { BrokerStats } from '../../core/telemetry';
import type { ConductorEvent } from '../../runtime/controller';
import { applyEvents } from '../store/applyEvents';
import { initialState } from '../store/initialState';
import type { BrokerNodeData, OrchestratorNodeData, ServiceNodeData } from './flowTypes';
import { ORCH_PUB_X, ORCH_SUB_X, SERVICE_H, SERVICE_W } from './layout';
import { toFlow } from './toFlow';
import { DEFAULT_APPROACH } from '../approach';

const stats: BrokerStats = {
  partitions: [
    { topic: 'order-events', partition: 0, endOffset: 5 },
    { topic: 'order-events', partition: 1, endOffset: 3 },
    { topic: 'payment-events', partition: 0, endOffset: 4 },
  ],
  groups: [
    {
      group: 'payment',
      topic: 'order-events',
      partition: 0,
      committed: 4,
      inflight: 1,
      lag: 1,
      member: 'payment-1',
    },
    {
      group: 'payment',
      topic: 'order-events',
      partition: 1,
      committed: 3,
      inflight: 0,
      lag: 0,
      member: 'payment-1',
    },
    {
      group: 'order',
      topic: 'payment-events',
      partition: 0,
      committed: 4,
      inflight: 0,
      lag: 0,
      member: null,
    },
    {
      group: 'inventory',
      topic: 'payment-events',
      partition: 0,
      committed: 2,
      inflight: 0,
      lag: 2,
      member: 'inv-1',
    },
  ],
  deadLetters: 2,
  paused: false,
};

const state = (events: ConductorEvent[]) => applyEvents(initialState(), events, 0);

const base: ConductorEvent[] = [
  {
    kind: 'hydrate',
    service: 'order',
    tables: {
      orders: [{ id: 'o1', customerId: 'c1', total: 10, status: 'PENDING', created_at: 1 }],
      outbox: [
        { seq: 1, id: 'e1', published_at: 5, created_at: 1 },
        { seq: 2, id: 'e2', published_at: null, created_at: 2 },
      ],
      inbox: [],
      meta: [],
    },
  },
  { kind: 'broker', stats },
  { kind: 'published', service: 'order', count: 1, topics: ['order-events'] },
];

function expectNoOverlap(nodes: ReturnType<typeof toFlow>['nodes']) {
  const boxes = nodes.map((n) => ({ x: n.position.x, y: n.position.y, w: n.width!, h: n.height! }));
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      expect(apart).toBe(true);
    }
  }
}

const orchestrated: ConductorEvent[] = [
  { kind: 'process', process: 'orchestrator', status: 'running', armed: null },
  {
    kind: 'hydrate',
    service: 'orchestrator',
    tables: {
      sagas: [
        {
          id: 'saga-o1',
          orderId: 'o1',
          status: 'STUCK',
          state: 'stuck',
          step: 'reserveInventory',
          created_at: 1,
        },
        {
          id: 'saga-o2',
          orderId: 'o2',
          status: 'RUNNING',
          state: 'running.awaiting',
          step: 'processPayment',
          created_at: 2,
        },
      ],
      outbox: [{ seq: 1, id: 'c1', type: 'ReserveInventory', published_at: null, created_at: 1 }],
      inbox: [],
    },
  },
  {
    kind: 'broker',
    stats: {
      partitions: [
        { topic: 'order-events', partition: 0, endOffset: 2 },
        { topic: 'inventory-commands', partition: 0, endOffset: 3 },
        { topic: 'payment-commands', partition: 0, endOffset: 1 },
      ],
      groups: [
        {
          group: 'orchestrator',
          topic: 'order-events',
          partition: 0,
          committed: 1,
          inflight: 1,
          lag: 1,
          member: 'm',
        },
        {
          group: 'inventory',
          topic: 'inventory-commands',
          partition: 0,
          committed: 3,
          inflight: 0,
          lag: 0,
          member: 'm',
        },
      ],
      deadLetters: 0,
      paused: false,
    },
  },
];

describe('toFlow', () => {
  it('lays out four fixed-size services in a row and the broker below, none overlapping', () => {
    const { nodes } = toFlow(state([]));
    expect(nodes.map((n) => n.id)).toEqual(['order', 'payment', 'inventory', 'shipping', 'broker']);
    expectNoOverlap(nodes);
    expect(nodes[0]).toMatchObject({ width: SERVICE_W, height: SERVICE_H });
  });

  it("draws a workshop attendee's own service wide and the others narrow, in the same row, lines still under each", () => {
    const even = toFlow(state([])).nodes;
    const { nodes } = toFlow(state([]), DEFAULT_APPROACH, { own: ['payment'] });
    expectNoOverlap(nodes);
    const box = (id: string) => nodes.find((n) => n.id === id)!;
    const [order, payment, inventory, shipping, broker] = [
      'order',
      'payment',
      'inventory',
      'shipping',
      'broker',
    ].map(box);
    expect(payment.width).toBeGreaterThan(1.5 * order.width!);
    expect([inventory.width, shipping.width].map((w) => Math.abs(w! - order.width!) <= 3)).toEqual([
      true,
      true,
    ]);
    // The row still ends where the broker does, so nothing else moves.
    expect(shipping.position.x + shipping.width!).toBe(even[3].position.x + even[3].width!);
    expect(broker.width).toBe(even[4].width);
    // Each service's two lines still drop straight onto the broker's handles beneath them.
    for (const service of [order, payment, inventory, shipping])
      for (const h of service.handles!) {
        const under = broker.handles!.find(
          (b) => b.id === `${h.type === 'source' ? 'in' : 'out'}:${service.id}`,
        )!;
        expect(service.position.x + h.x).toBeCloseTo(broker.position.x + under.x, 6);
      }
    // A browser that runs every service (or none, the presenter's) draws them even.
    const all = toFlow(state([]), DEFAULT_APPROACH, { own: ['order', 'payment', 'inventory', 'shipping'] });
    expect(all.nodes.map((n) => n.width)).toEqual(even.map((n) => n.width));
  });

  it('adds the orchestrator beneath the broker once the run reports it, none overlapping', () => {
    const { nodes } = toFlow(state(orchestrated));
    expect(nodes.map((n) => n.id)).toEqual([
      'order',
      'payment',
      'inventory',
      'shipping',
      'broker',
      'orchestrator',
    ]);
    expectNoOverlap(nodes);
    const [broker, orchestrator] = nodes.slice(-2);
    expect(orchestrator.position.y).toBeGreaterThan(broker.position.y + broker.height!);
    expect(broker.handles!.filter((h) => h.position === 'bottom').map((h) => h.x)).toEqual([
      ORCH_PUB_X,
      ORCH_SUB_X,
    ]);
    const data = orchestrator.data as OrchestratorNodeData;
    expect(data).toMatchObject({ stuck: 1, outbox: { pending: 1 } });
    expect(data.business[0].rows.map((r) => r.orderId)).toEqual(['o2', 'o1']);
  });

  it('draws the orchestrator publishing every command topic on one line and consuming the event topics', () => {
    const { edges } = toFlow(state(orchestrated));
    const commands = edges.find((e) => e.id === 'publish:orchestrator:*-commands')!;
    expect(commands).toMatchObject({
      source: 'orchestrator',
      target: 'broker',
      targetHandle: 'in:orchestrator',
    });
    expect(commands.data!.lines.map((l) => l.text)).toEqual(['*-commands (2)', '1 pending']);
    const events = edges.find((e) => e.id === 'deliver:orchestrator')!;
    expect(events).toMatchObject({
      source: 'broker',
      sourceHandle: 'out:orchestrator',
      target: 'orchestrator',
      animated: true,
    });
    expect(events.data!.lines).toEqual([
      { text: '*-events (1)', strong: true },
      { text: 'lag · in flight', value: '1 · 1' },
    ]);
    // No service is drawn as the publisher of a command topic.
    expect(
      edges.filter((e) => e.id.startsWith('publish:') && e.source !== 'orchestrator').map((e) => e.id),
    ).toEqual(['publish:order:order-events']);
  });

  it('gives each service its business tables, outbox counts and inbox', () => {
    const order = toFlow(state(base)).nodes[0].data as ServiceNodeData;
    expect(order.business).toEqual([
      {
        table: 'orders',
        total: 1,
        rows: [expect.objectContaining({ id: 'o1' })],
        slots: 6,
        marks: {},
        duplicates: 0,
      },
    ]);
    expect(order.outbox).toMatchObject({ pending: 1, published: 1 });
    expect(order.inbox).toEqual({
      on: true,
      processed: 0,
      duplicatesSkipped: 0,
      lateRefused: 0,
      lastRefusal: null,
    });
    expect(order.idempotencyKeys).toBe(true);
    expect(order.lower).toEqual({ kind: 'outbox' });
    const inventory = toFlow(state(base)).nodes[2].data as ServiceNodeData;
    expect(inventory.business.map((b) => b.table)).toEqual(['stock', 'reservations']);
  });

  it('says the inbox is off and the key unchecked on every node of a run without them', () => {
    const approach = {
      ...DEFAULT_APPROACH,
      guards: { inbox: false, idempotencyKeys: false, semanticLocks: true },
    };
    const services = toFlow(state(base), approach).nodes.filter((n) => n.type === 'service');
    expect(services.map((n) => (n.data as ServiceNodeData).inbox.on)).toEqual([false, false, false, false]);
    expect(services.every((n) => !(n.data as ServiceNodeData).idempotencyKeys)).toBe(true);
  });

  it('pins a duplicate reservation and a row an anomaly names above the newest rows', () => {
    const reservation = (id: string, orderId: string, created_at: number) => ({
      id,
      orderId,
      items: [],
      status: 'RESERVED',
      created_at,
    });
    const reservations: ConductorEvent = {
      kind: 'hydrate',
      service: 'inventory',
      tables: {
        reservations: [
          reservation('res-1', 'o1', 1),
          reservation('res-2', 'o1', 2),
          ...[3, 4, 5, 6].map((n) => reservation(`res-${n}`, `o${n}`, n)),
        ],
      },
    };
    const input = { ...state([...base, reservations]), anomalies: [{ message: 'x res-3 y' }] };
    const inventory = toFlow(input).nodes[2].data as ServiceNodeData;
    const table = inventory.business.find((b) => b.table === 'reservations')!;
    expect(table.rows.slice(0, table.slots).map((r) => r.id)).toEqual(['res-1', 'res-2', 'res-3']);
    expect(table.marks).toEqual({ 'res-1': 'named', 'res-2': 'duplicate', 'res-3': 'named' });
    expect(table.duplicates).toBe(1);
  });

  it('counts the late commands a participant’s semantic locks refused, and says why the latest was', () => {
    const locks: ConductorEvent = {
      kind: 'hydrate',
      service: 'payment',
      tables: {
        semantic_locks: [
          {
            key: 'processPayment/o1',
            orderId: 'o1',
            step: 'processPayment',
            compensation: 'RefundPayment',
            undid: [],
            refused: 3,
            lastRefused: 'ProcessPayment',
          },
          {
            key: 'processPayment/o2',
            orderId: 'o2',
            step: 'processPayment',
            compensation: 'RefundPayment',
            undid: ['p2'],
            refused: 0,
            lastRefused: null,
          },
        ],
        inbox: [],
      },
    };
    const payment = toFlow(state([...base, locks])).nodes[1].data as ServiceNodeData;
    expect(payment.inbox).toMatchObject({
      lateRefused: 3,
      lastRefusal: 'ProcessPayment for o1: processPayment was compensated by RefundPayment',
    });
  });

  it('derives publish edges from broker topics, labelled with the topic and pending outbox rows', () => {
    const { edges } = toFlow(state(base));
    const publish = edges.find((e) => e.id === 'publish:order:order-events')!;
    expect(publish).toMatchObject({ source: 'order', target: 'broker' });
    expect(publish.data!.lines.map((l) => l.text)).toEqual(['order-events', '1 pending']);
    expect(publish.data).toMatchObject({ tone: 'busy', pulse: 1 });
    expect(publish.data!.labelDx).toBeLessThan(0);
  });

  it('derives one delivery edge per consumer group, animated while messages are in flight', () => {
    const { edges } = toFlow(state(base));
    const toPayment = edges.find((e) => e.id === 'deliver:payment')!;
    expect(toPayment).toMatchObject({ source: 'broker', target: 'payment', animated: true });
    expect(toPayment.data!.lines).toEqual([
      { text: 'lag · in flight', muted: true },
      { text: 'order-events', value: '1 · 1' },
    ]);
    const toOrder = edges.find((e) => e.id === 'deliver:order')!;
    expect(toOrder.animated).toBe(false);
    expect(toOrder.data!.tone).toBe('idle');
    expect(edges.some((e) => e.id === 'deliver:shipping')).toBe(false);
  });

  it('dims the edges of a crashed service and stops their animation', () => {
    const { edges, nodes } = toFlow(
      state([...base, { kind: 'crashed', process: 'payment', point: 'before-commit' }]),
    );
    const toPayment = edges.find((e) => e.id === 'deliver:payment')!;
    expect(toPayment).toMatchObject({ animated: false, data: { tone: 'down' } });
    expect((nodes[1].data as ServiceNodeData).process).toMatchObject({
      status: 'crashed',
      crashedAt: 'before-commit',
    });
    expect(edges.find((e) => e.id === 'publish:order:order-events')!.data!.tone).toBe('busy');
  });

  it('dims every edge when the broker is down', () => {
    const { edges } = toFlow(state([...base, { kind: 'crashed', process: 'broker', point: 'manual' }]));
    expect(edges.every((e) => e.data!.tone === 'down')).toBe(true);
  });

  it('summarises topics, partitions and consumer groups for the broker node', () => {
    const broker = toFlow(state(base)).nodes[4].data as BrokerNodeData;
    expect(broker).toMatchObject({ deadLetters: 2, paused: false, known: true });
    expect(broker.topics.map((t) => [t.topic, t.publisher, t.partitions.length])).toEqual([
      ['order-events', 'order', 2],
      ['payment-events', 'payment', 1],
    ]);
    const paymentEvents = broker.topics[1].consumers;
    expect(paymentEvents.map((c) => [c.group, c.lag, c.attached])).toEqual([
      ['order', 0, false],
      ['inventory', 2, true],
    ]);
  });

  it('draws no edges before the broker has reported', () => {
    expect(toFlow(state([])).edges).toEqual([]);
  });
});
