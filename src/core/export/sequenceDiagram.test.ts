import { describe, expect, it } from 'vitest';
import { sequenceDiagram } from './sequenceDiagram';
import { logRow, oneOrder } from './testRows';

const P = '(order|payment|inventory|shipping|orchestrator|broker)';
const LABEL = "[A-Za-z0-9 ._\\-/(),'=+@:]+";
/** The only lines the export may write: Mermaid's header, participants, the two arrows, notes. */
const GRAMMAR = [
  /^sequenceDiagram$/,
  new RegExp(`^    participant ${P}$`),
  new RegExp(`^    ${P}->>broker: ${LABEL}$`),
  new RegExp(`^    broker-->>${P}: ${LABEL}$`),
  new RegExp(`^    Note over ${P}(,${P})?: ${LABEL}$`),
];

function parse(text: string): string[] {
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  expect(lines[0]).toBe('sequenceDiagram');
  for (const line of lines)
    expect(
      GRAMMAR.some((rule) => rule.test(line)),
      `line "${line}"`,
    ).toBe(true);
  return lines;
}

const participants = (lines: string[]) =>
  lines.filter((l) => l.includes('participant')).map((l) => l.trim().split(' ')[1]);
const body = (lines: string[]) =>
  lines.filter((l) => !/^sequenceDiagram$|participant/.test(l)).map((l) => l.trim());

describe('sequenceDiagram', () => {
  it('draws each publish to the broker and each consumption from it, causes first when times tie', () => {
    const lines = parse(sequenceDiagram(oneOrder()));
    expect(participants(lines)).toEqual(['order', 'payment', 'inventory', 'shipping', 'broker']);
    expect(body(lines)).toEqual([
      'order->>broker: OrderCreated',
      'broker-->>inventory: OrderCreated',
      'inventory->>broker: InventoryReserved',
      'broker-->>payment: InventoryReserved',
      'payment->>broker: PaymentCompleted',
      'broker-->>order: PaymentCompleted',
    ]);
  });

  it('orders by time before cause, and puts crashes where they happened', () => {
    const { records, inboxes } = oneOrder();
    records[2].appended_at = 50;
    inboxes.order[0].processed_at = 60;
    const crashes = [{ at: 40, process: 'payment', text: 'payment crashed at before-commit' }];
    const lines = body(parse(sequenceDiagram({ records, inboxes, crashes })));
    expect(lines.slice(-3)).toEqual([
      'Note over payment: payment crashed at before-commit',
      'payment->>broker: PaymentCompleted',
      'broker-->>order: PaymentCompleted',
    ]);
  });

  it('puts a crash after what its moment committed: the crash ended that step', () => {
    const { records, inboxes } = oneOrder(10);
    const crashes = [
      { at: 10, process: 'payment', text: 'payment crashed at consumer-after-commit-before-ack' },
    ];
    const lines = body(parse(sequenceDiagram({ records, inboxes, crashes })));
    expect(lines.at(-1)).toBe('Note over payment: payment crashed at consumer-after-commit-before-ack');
  });

  it('adds the orchestrator before the broker only when the run has one', () => {
    const { records, inboxes } = oneOrder();
    const lines = parse(sequenceDiagram({ records, inboxes: { ...inboxes, orchestrator: [] } }));
    expect(participants(lines)).toEqual([
      'order',
      'payment',
      'inventory',
      'shipping',
      'orchestrator',
      'broker',
    ]);
  });

  it('draws a dead letter as the broker publishing to itself', () => {
    const row = logRow({
      id: 'e-1/dead-letter/payment',
      type: 'DeadLetter.OrderCreated',
      service: 'broker',
      source: '/broker',
      at: 1,
    });
    const lines = body(parse(sequenceDiagram({ records: [row], inboxes: {} })));
    expect(lines).toEqual(['broker->>broker: DeadLetter.OrderCreated']);
  });

  it('sanitises hostile labels so they cannot break the diagram', () => {
    const hostile = 'Evil;\nNote over broker: pwned#59;%%{init}%% <b>x</b>-->>order: y';
    const row = logRow({ id: 'e-1', type: hostile, service: 'order', at: 1 });
    const text = sequenceDiagram({
      records: [
        row,
        logRow({ id: 'e-2', type: 'A', service: '../../etc', source: 'javascript:alert(1)', at: 2 }),
      ],
      inboxes: {
        payment: [{ message_id: 'e-1', type: hostile, processed_at: 3 }],
        nobody: [{ message_id: 'x', type: 'X', processed_at: 0 }],
      },
      crashes: [
        { at: 4, process: 'order', text: hostile },
        { at: 5, process: 'mallory', text: 'ignored' },
      ],
    });
    const lines = parse(text);
    expect(lines).toHaveLength(1 + 5 + 4);
    for (const line of body(lines)) {
      const label = line.slice(line.indexOf(': ') + 2);
      expect(label).not.toMatch(/[;#\n<>%{}]|-->>|--/);
    }
    expect(text).not.toContain('mallory');
  });

  it('stops at the limit and says how many it left out', () => {
    const records = Array.from({ length: 10 }, (_, i) =>
      logRow({ id: `e-${i}`, type: 'OrderCreated', service: 'order', at: i, offset: i }),
    );
    const crashes = [{ at: 100, process: 'order', text: 'order killed (crash now)' }];
    const lines = body(parse(sequenceDiagram({ records, inboxes: {}, crashes, limit: 4 })));
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe(
      'Note over order,broker: 6 more messages and 1 crash left out (the diagram stops at 4)',
    );
  });

  it('caps a long run at 300 entries by default', () => {
    const records = Array.from({ length: 400 }, (_, i) =>
      logRow({ id: `e-${i}`, type: 'OrderCreated', service: 'order', at: i, offset: i }),
    );
    const lines = body(parse(sequenceDiagram({ records, inboxes: {} })));
    expect(lines).toHaveLength(301);
    expect(lines[300]).toContain('100 more messages left out');
  });
});
