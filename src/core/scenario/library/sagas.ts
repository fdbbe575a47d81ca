// The library's saga scenarios: choreography and orchestration, each failing on
// the same data as the other (out of stock; a region not served), a timed-out
// step and its semantic lock (and the same without the lock), a saga without
// idempotency and with a key only, and all the patterns together.

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

/** Four orders while lamps are out of stock: the choreographed and orchestrated runs of it compare. */
const outOfStock = {
  ...BASE,
  orders: 4,
  data: [{ service: 'inventory', table: 'stock', row: { sku: 'SKU-LAMP', available: 0, reserved: 0 } }],
} as const satisfies Partial<typeof BASE>;

/** Shipping does not serve EU: the pivot fails after the earlier steps acted, so both styles compensate. */
const euNotServed = {
  ...BASE,
  data: [{ service: 'shipping', table: 'regions', row: { id: 'EU', served: false } }],
} as const satisfies Partial<typeof BASE>;

/** One OrderCreated delivered to payment twice, with no inbox: the idempotency key decides. */
const doubleOrderCreated = {
  ...BASE,
  inbox: false,
  faults: [{ kind: 'duplicate', group: 'payment', type: 'OrderCreated' }],
} as const satisfies Partial<typeof BASE>;

export const SAGA_SCENARIOS: ShopEntry[] = [
  {
    id: 'choreography-happy',
    title: 'Choreographed saga: the happy path',
    section: 'Saga pattern — choreography',
    idea: 'No one is in charge: each service reacts to the previous one’s event and publishes its own.',
    scenario: { ...BASE },
    narrative: [
      {
        say: 'Step through until the first order reaches shipping: OrderCreated → payment → PaymentCompleted → inventory → InventoryReserved → shipping.',
        watch: 'Each outbox, then the broker’s topics; last, a ShipmentScheduled row in shipping’s outbox.',
        do: { kind: 'stepUntil', beat: { kind: 'emitted', service: 'shipping', type: 'ShipmentScheduled' } },
      },
      { say: 'Run the rest.', watch: 'Every order COMPLETED.', do: { kind: 'runToEnd' } },
      {
        say: 'Each saga’s chain of events, read off the services’ own data.',
        watch: 'The Sagas tab.',
        do: { kind: 'showTab', tab: 'sagas' },
      },
    ],
    expect: [],
  },
  {
    id: 'choreography-failure',
    title: 'Choreographed saga: out of stock, compensated',
    section: 'Saga pattern — choreography',
    idea: 'A step fails; the services that already acted undo their part in reaction to the failure event.',
    scenario: { ...outOfStock },
    narrative: [
      {
        say: 'Lamps are out of stock. Orders are charged first, then inventory is asked to reserve: for the lamp order it cannot.',
        watch: 'Inventory’s stock row for SKU-LAMP, and an InventoryReservationFailed row in its outbox.',
        do: {
          kind: 'stepUntil',
          beat: { kind: 'emitted', service: 'inventory', type: 'InventoryReservationFailed' },
        },
      },
      {
        say: 'Inventory publishes InventoryReservationFailed; payment hears it and refunds the charge.',
        watch: 'A PaymentRefunded row in payment’s outbox; that payment REFUNDED.',
        do: { kind: 'stepUntil', beat: { kind: 'emitted', service: 'payment', type: 'PaymentRefunded' } },
      },
      {
        say: 'The order service hears it too and cancels the order. Run to the end.',
        watch: 'The lamp order CANCELLED; the others COMPLETED.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'Nothing of a cancelled order remains: no charge, no reservation.',
        watch: 'The Sagas tab and the empty Anomalies tab.',
        do: { kind: 'showTab', tab: 'sagas' },
      },
    ],
    partner: 'orchestration-out-of-stock',
    expect: [],
  },
  {
    id: 'orchestration-out-of-stock',
    title: 'Orchestrated saga: out of stock, cancelled',
    section: 'Saga pattern — orchestration',
    idea: 'The same four orders and the same empty lamp shelf, with an orchestrator: it reserves before it charges, so a failed reservation has no charge to refund.',
    scenario: { ...outOfStock, sagaStyle: 'orchestration' },
    narrative: [
      {
        say: 'Lamps are out of stock, as in the choreographed run. The orchestrator starts a saga and sends ReserveInventory first, before any charge.',
        watch: 'The orchestrator’s saga table and its outbox: a ReserveInventory row.',
        do: {
          kind: 'stepUntil',
          beat: { kind: 'emitted', service: 'orchestrator', type: 'ReserveInventory' },
        },
      },
      {
        say: 'Inventory reserves what it has; for the lamp order it cannot.',
        watch: 'Inventory’s stock row for SKU-LAMP, and an InventoryReservationFailed row in its outbox.',
        do: {
          kind: 'stepUntil',
          beat: { kind: 'emitted', service: 'inventory', type: 'InventoryReservationFailed' },
        },
      },
      {
        say: 'Nothing was charged for that order yet, so the saga only cancels it: no refund to send.',
        watch: 'A CancelOrder row in the orchestrator’s outbox, and no RefundPayment.',
        do: { kind: 'stepUntil', beat: { kind: 'emitted', service: 'orchestrator', type: 'CancelOrder' } },
      },
      {
        say: 'Run to the end.',
        watch: 'The lamp order CANCELLED with no charge to refund; the others COMPLETED.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'Each saga’s steps, and the one compensation a lamp order needed.',
        watch: 'The Sagas tab and the empty Anomalies tab.',
        do: { kind: 'showTab', tab: 'sagas' },
      },
    ],
    partner: 'choreography-failure',
    expect: [],
  },
  {
    id: 'choreography-region-failure',
    title: 'Choreographed saga: a region not served, compensated',
    section: 'Saga pattern — choreography',
    idea: 'The pivot fails after payment and inventory acted: each of them undoes its part when it hears the failure event, with no one in charge.',
    scenario: { ...euNotServed },
    narrative: [
      {
        say: 'Shipping does not serve EU. Payment charges, inventory reserves, and shipping is asked last: it refuses.',
        watch: 'Each outbox, then the broker’s topics; last, a ShipmentFailed row in shipping’s outbox.',
        do: { kind: 'stepUntil', beat: { kind: 'emitted', service: 'shipping', type: 'ShipmentFailed' } },
      },
      {
        say: 'ShipmentFailed: inventory releases, payment refunds, the order cancels — each in reaction to the event. Run to the end.',
        watch: 'EU orders CANCELLED, their payments REFUNDED.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'Nothing of a cancelled order remains: no charge, no reservation.',
        watch: 'The Sagas tab and the empty Anomalies tab.',
        do: { kind: 'showTab', tab: 'sagas' },
      },
    ],
    partner: 'orchestration-compensation',
    expect: [],
  },
  {
    id: 'orchestration-compensation',
    title: 'Orchestrated saga with compensation',
    section: 'Saga pattern — orchestration',
    idea: 'One orchestrator sends each command and, when a step fails, the compensations in reverse order.',
    scenario: { ...euNotServed, sagaStyle: 'orchestration' },
    narrative: [
      {
        say: 'The orchestrator starts a saga per order and sends ReserveInventory, then — once inventory has reserved — ProcessPayment.',
        watch: 'The orchestrator’s saga table, and a ProcessPayment row in its outbox.',
        do: { kind: 'stepUntil', beat: { kind: 'emitted', service: 'orchestrator', type: 'ProcessPayment' } },
      },
      {
        say: 'Shipping does not serve the region: ScheduleShipment fails and ShipmentFailed reaches the orchestrator.',
        watch: 'The saga moves into compensation: a RefundPayment row in the orchestrator’s outbox.',
        do: { kind: 'stepUntil', beat: { kind: 'emitted', service: 'orchestrator', type: 'RefundPayment' } },
      },
      {
        say: 'Refund, release, cancel — newest first. Run to the end.',
        watch: 'Every saga ends COMPENSATED.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'Each saga’s steps and compensations.',
        watch: 'The Sagas tab.',
        do: { kind: 'showTab', tab: 'sagas' },
      },
    ],
    partner: 'choreography-region-failure',
    expect: [],
  },
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
  },
];
