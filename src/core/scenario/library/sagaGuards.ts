// What guards a saga's steps: a timed-out step and its semantic lock (and the
// same without the lock), a saga without idempotency and with a key only, and
// all the patterns together. The sagas themselves, both styles, are sagas.ts.

import type { ShopEntry } from './types';
import { BASE } from './messaging';

/** One orchestrated order whose charge command is held back past the saga's retries. */
const timedOut = {
  ...BASE,
  sagaStyle: 'orchestration',
  orders: 1,
  seed: 3,
  faults: [{ kind: 'delay', group: 'payment', type: 'ProcessPayment', ms: 30_000 }],
} as const satisfies Partial<typeof BASE>;

/** One OrderCreated delivered to payment twice, with no inbox: the idempotency key decides. */
const doubleOrderCreated = {
  ...BASE,
  inbox: false,
  faults: [{ kind: 'duplicate', group: 'payment', type: 'OrderCreated' }],
} as const satisfies Partial<typeof BASE>;

export const SAGA_GUARD_SCENARIOS: ShopEntry[] = [
  {
    id: 'saga-timeout-unknown',
    title: 'A timed-out step: unknown outcome, semantic lock',
    section: 'Saga pattern — orchestration',
    idea: 'A timeout is not a failure: the step may have happened. The saga compensates it too, and the participant refuses the command when it finally arrives.',
    scenario: { ...timedOut },
    narrative: [
      {
        say: 'ProcessPayment to payment will be held back 30 s — longer than the orchestrator waits (four 4 s timeouts and their backoffs).',
        watch: 'The Faults tab.',
        do: { kind: 'showTab', tab: 'faults' },
      },
      {
        say: 'Inventory reserves; the payment command goes out and no answer comes. Each attempt times out, until the orchestrator is out of retries.',
        watch:
          'The saga’s attempts and its reply-due timer; at last a RefundPayment row in the orchestrator’s outbox.',
        do: { kind: 'stepUntil', beat: { kind: 'emitted', service: 'orchestrator', type: 'RefundPayment' } },
      },
      {
        say: 'The charge may or may not have happened, so RefundPayment goes first (on payment’s compensation lane, past the stuck command) — a recorded no-op that leaves a semantic lock. Then the stock is released and the order cancelled.',
        watch: 'The saga compensating processPayment, reserveInventory, createOrder; the order CANCELLED.',
        do: { kind: 'stepUntil', beat: { kind: 'emitted', service: 'order', type: 'OrderCancelled' } },
      },
      {
        say: 'When the held-back ProcessPayment reaches payment, the lock refuses it: no charge on a cancelled order. Run to the end.',
        watch: 'Payment’s “late refused” count.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'The refusal is in the saga’s history.',
        watch: 'The Sagas tab: a refused entry.',
        do: { kind: 'showTab', tab: 'sagas' },
      },
    ],
    partner: 'saga-no-semantic-lock',
    expect: [],
    checkpoints: [
      {
        beforeStep: 3,
        question:
          'The saga gave up on payment, refunded a charge that may never have happened, and cancelled the order. Now the held-back ProcessPayment reaches payment: what does payment do?',
        answers: [
          {
            text: 'Charges it: the cancelled order ends up paid for.',
            holds: { kind: 'broken', invariant: 'saga-fully-compensated' },
            why: 'With no lock left by the refund, payment carried out the late command, and nothing will undo a charge on an order that is already cancelled.',
          },
          {
            text: 'Refuses it: the cancelled order is not charged.',
            holds: { kind: 'clean' },
            why: 'Payment keeps a semantic lock on an order it has compensated, so a charge that arrives after the refund is recognised as belonging to a finished saga and refused.',
          },
          {
            text: 'Charges it once for each attempt that timed out.',
            holds: { kind: 'broken', invariant: 'no-double-charge' },
            why: 'Every retried ProcessPayment was carried out as a new charge, so one order was charged more than once.',
          },
        ],
      },
    ],
  },
  {
    id: 'saga-no-semantic-lock',
    title: 'A saga without a semantic lock',
    section: 'Common mistakes',
    idea: 'The same timed-out step, compensated — but the participant carries out the late command anyway: the cancelled order is charged.',
    scenario: { ...timedOut, semanticLocks: false },
    narrative: [
      {
        say: 'The same held-back ProcessPayment; this time payment keeps no semantic lock.',
        watch: 'The Faults tab.',
        do: { kind: 'showTab', tab: 'faults' },
      },
      {
        say: 'The saga times out, refunds nothing (there was nothing yet), releases the stock and cancels the order.',
        watch: 'The order CANCELLED; no charge in payment’s table yet.',
        do: { kind: 'stepUntil', beat: { kind: 'emitted', service: 'order', type: 'OrderCancelled' } },
      },
      {
        say: 'Then the late command arrives, and with no lock payment carries it out. Run to the end.',
        watch: 'Payment’s table: a charge for a CANCELLED order.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'The checker flags what nothing will ever undo.',
        watch: 'The Anomalies tab.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    partner: 'saga-timeout-unknown',
    expect: ['saga-fully-compensated'],
    checkpoints: [
      {
        beforeStep: 2,
        question:
          'The saga timed out and cancelled the order, and this time payment keeps no semantic lock. Then the held-back ProcessPayment reaches payment: what is left at the end?',
        answers: [
          {
            text: 'Nothing is charged for the cancelled order.',
            holds: { kind: 'clean' },
            why: 'No ProcessPayment was carried out after its saga had given up on it, so no cancelled order kept a charge.',
          },
          {
            text: 'Payment charges the cancelled order, and nothing will undo it.',
            holds: { kind: 'broken', invariant: 'saga-fully-compensated' },
            why: 'Without a semantic lock, payment cannot tell that the command belongs to a saga already compensated, so it charges an order that is already cancelled.',
          },
          {
            text: 'Payment charges it twice, once for each retry.',
            holds: { kind: 'broken', invariant: 'no-double-charge' },
            why: 'Every retried ProcessPayment was carried out as a new charge, so one order was charged more than once.',
          },
        ],
      },
    ],
  },
  {
    id: 'saga-no-idempotency',
    title: 'A saga without idempotency',
    section: 'Common mistakes',
    idea: 'Without an inbox or an idempotency key, a redelivered OrderCreated charges the customer twice.',
    scenario: { ...doubleOrderCreated, idempotencyKeys: false },
    narrative: [
      {
        say: 'The broker will deliver one OrderCreated to payment twice; payment has neither inbox nor key.',
        watch: 'The Faults tab.',
        do: { kind: 'showTab', tab: 'faults' },
      },
      { say: 'Run it.', watch: 'Payment’s table: two charges for one order.', do: { kind: 'runToEnd' } },
      {
        say: 'The checker flags the double charge.',
        watch: 'The Anomalies tab.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    partner: 'saga-idempotency-key',
    expect: ['no-double-charge', 'no-duplicate-side-effect'],
    checkpoints: [
      {
        beforeStep: 1,
        question:
          'Payment will be handed one OrderCreated twice, and it has neither an inbox nor an idempotency key. What happens to that customer’s money?',
        answers: [
          {
            text: 'They are charged once: the repeat does no harm.',
            holds: { kind: 'clean' },
            why: 'Each order’s OrderCreated was handled once, so payment took one charge per order.',
          },
          {
            text: 'They are charged twice for one order.',
            holds: { kind: 'broken', invariant: 'no-double-charge' },
            why: 'Nothing tells payment that the second delivery is a repeat, so its handler takes a second charge for the same order.',
          },
        ],
      },
    ],
  },
  {
    id: 'saga-idempotency-key',
    title: 'The same saga with an idempotency key',
    section: 'Common mistakes',
    idea: 'Still no inbox, the same redelivered OrderCreated — but payment keys each charge by its order: the repeat charges nothing. It answers again, though, and the services downstream, with no inbox, act twice.',
    scenario: { ...doubleOrderCreated },
    narrative: [
      {
        say: 'The broker will deliver one OrderCreated to payment twice; payment has no inbox, but its charges carry an idempotency key.',
        watch: 'The Faults tab.',
        do: { kind: 'showTab', tab: 'faults' },
      },
      {
        say: 'Run it.',
        watch: 'Payment’s table: one charge per order, each under its key. Inventory’s: a reservation twice.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'The key kept the charge single; the repeated PaymentCompleted still reserved and shipped twice. A key guards one handler; an inbox guards every consumer.',
        watch: 'The Anomalies tab: no double charge, but a duplicate reservation and shipment.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    partner: 'saga-no-idempotency',
    expect: ['no-duplicate-side-effect'],
    checkpoints: [
      {
        beforeStep: 1,
        question:
          'Payment is handed one OrderCreated twice; it has no inbox, but it keys each charge by its order. What does the checker flag at the end?',
        answers: [
          {
            text: 'A double charge: a key is no use without an inbox.',
            holds: { kind: 'broken', invariant: 'no-double-charge' },
            why: 'Nothing refused a charge for an order already charged, so payment took a second one for the repeat.',
          },
          {
            text: 'No double charge, but the order is reserved and shipped twice.',
            holds: { kind: 'broken', invariant: 'no-duplicate-side-effect' },
            why: 'The key makes the repeat charge nothing, but payment still answers it with a second PaymentCompleted, and inventory and shipping, with no inbox, act on that again.',
          },
          {
            text: 'Nothing: the key stops the repeat at payment.',
            holds: { kind: 'clean' },
            why: 'No message did its work twice anywhere, so each order was charged, reserved and shipped once.',
          },
        ],
      },
    ],
  },
  {
    id: 'combining-patterns',
    title: 'Combining patterns: outbox + saga + inbox',
    section: 'Combining patterns',
    idea: 'Each pattern covers one failure: together they survive crashes, duplicates and an outage with nothing lost or doubled.',
    scenario: {
      ...BASE,
      sagaStyle: 'orchestration',
      orders: 4,
      faults: [
        { kind: 'crash', service: 'orchestrator', point: 'consumer-after-commit-before-ack', nth: 2 },
        { kind: 'duplicate', group: 'payment', type: 'ProcessPayment' },
        { kind: 'broker-outage', publishes: 3 },
        { kind: 'crash', service: 'payment', point: 'relay-after-publish-before-mark', nth: 1 },
      ],
    },
    narrative: [
      {
        say: 'Four faults are planned: two crashes, a duplicate command and a broker outage.',
        watch: 'The Faults tab.',
        do: { kind: 'showTab', tab: 'faults' },
      },
      {
        say: 'Step into it: outboxes keep rows while the broker refuses them; then the orchestrator dies after committing a delivery, before acknowledging it.',
        watch: 'Pending outbox rows; the red orchestrator node.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'orchestrator' } },
      },
      {
        say: 'The orchestrator comes back. The broker hands it the unacknowledged delivery again, and its inbox will skip what it already did.',
        watch: 'The orchestrator running again; its inbox’s “duplicates skipped”.',
        do: { kind: 'stepUntil', beat: { kind: 'restart', process: 'orchestrator' } },
      },
      {
        say: 'A ProcessPayment arrives twice (the payment inbox keeps it single); then payment’s relay publishes and dies before marking its row.',
        watch: 'The red Payment node, its outbox row still pending.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'payment' } },
      },
      {
        say: 'Run to the end: payment comes back and publishes the row again, and every inbox skips what it has seen.',
        watch: 'Each fault marked on the timeline as it fires.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'Every saga completed once, every charge once.',
        watch: 'The Sagas tab and the empty Anomalies tab.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    expect: [],
    checkpoints: [
      {
        beforeStep: 4,
        question:
          'The broker refused publishes for a while, the orchestrator died before acknowledging a delivery, a ProcessPayment came twice, and payment has just died between publish and mark. Run to the end: what does the checker find?',
        answers: [
          {
            text: 'A customer is charged twice for the repeated ProcessPayment.',
            holds: { kind: 'broken', invariant: 'no-double-charge' },
            why: 'Payment handled the repeated ProcessPayment as a new command and took a second charge.',
          },
          {
            text: 'The events the broker refused during the outage are lost.',
            holds: { kind: 'broken', invariant: 'no-event-lost' },
            why: 'Events the broker refused were not kept anywhere to send again, so they were never published.',
          },
          {
            text: 'The saga whose delivery was never acknowledged never finishes.',
            holds: { kind: 'broken', invariant: 'saga-terminal' },
            why: 'The orchestrator never got back to the delivery it died on, so that saga was still open once everything had settled.',
          },
          {
            text: 'Nothing: every saga completes once, every charge is taken once.',
            holds: { kind: 'clean' },
            why: 'Outboxes kept every refused or unmarked event to send again, and every inbox recorded what it had handled, so each crash, outage and repeat was redone without doing anything twice.',
          },
        ],
      },
    ],
  },
];
