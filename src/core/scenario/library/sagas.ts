// The library's saga scenarios: choreography and orchestration, each failing on
// the same data as the other (out of stock; a region not served). What guards a
// saga's steps (a timeout's semantic lock, idempotency, all the patterns
// together) is sagaGuards.ts.

import type { ShopEntry } from './types';
import { BASE } from './messaging';

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
    checkpoints: [
      {
        beforeStep: 0,
        revealAfter: 1,
        question:
          'No service is in charge: each one reacts to the previous one’s event and publishes its own. With nothing going wrong, how do the sagas end?',
        answers: [
          {
            text: 'Some sagas never finish, since nobody follows them to the end.',
            holds: { kind: 'broken', invariant: 'saga-terminal' },
            why: 'A saga whose next event never came was still neither completed nor compensated when everything else had settled.',
          },
          {
            text: 'Every order completes: charged, reserved and shipped once each.',
            holds: { kind: 'clean' },
            why: 'Each service’s event, sent through its outbox, starts the next service’s local transaction, so every saga walks its chain to ShipmentScheduled and its order completes.',
          },
          {
            text: 'The orders complete, but the services disagree about how some saga ended.',
            holds: { kind: 'broken', invariant: 'saga-agrees-with-order' },
            why: 'The saga read off the services’ data ended one way while its order was closed the other way.',
          },
        ],
      },
    ],
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
    checkpoints: [
      {
        beforeStep: 1,
        revealAfter: 2,
        question:
          'Payment has already charged the lamp order, and inventory has just said it cannot reserve. Nobody is in charge: what is left of that order at the end?',
        answers: [
          {
            text: 'The order is cancelled, but the charge stays: nobody tells payment to refund.',
            holds: { kind: 'broken', invariant: 'saga-fully-compensated' },
            why: 'A cancelled order kept its charge because nothing made payment undo its step.',
          },
          {
            text: 'The order is left PENDING, charged and not reserved.',
            holds: { kind: 'broken', invariant: 'no-order-stuck' },
            why: 'No service moved the order on after the failure, so it was still PENDING once everything had settled.',
          },
          {
            text: 'Nothing: payment refunds when it hears of the failure, and the order is cancelled.',
            holds: { kind: 'clean' },
            why: 'Payment and the order service both subscribe to InventoryReservationFailed and each undoes its own part, so the cancelled order keeps no charge.',
          },
        ],
      },
    ],
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
    checkpoints: [
      {
        beforeStep: 2,
        revealAfter: 3,
        question:
          'Inventory could not reserve the lamp order. The orchestrator reserves before it charges: what is left of that order once the saga is done?',
        answers: [
          {
            text: 'The order is cancelled, but a charge is left behind.',
            holds: { kind: 'broken', invariant: 'saga-fully-compensated' },
            why: 'A charge taken for the order was never refunded when its saga cancelled it.',
          },
          {
            text: 'Nothing: the order is cancelled, and there is no charge to refund.',
            holds: { kind: 'clean' },
            why: 'The orchestrator sends ProcessPayment only after inventory has reserved, so a failed reservation leaves nothing to undo but the order itself.',
          },
          {
            text: 'The saga waits for ever for a payment reply that never comes.',
            holds: { kind: 'broken', invariant: 'saga-terminal' },
            why: 'A saga that had sent a command and never heard back was still open once everything had settled.',
          },
        ],
      },
    ],
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
    checkpoints: [
      {
        beforeStep: 1,
        question:
          'Payment has charged and inventory has reserved, and shipping has just refused EU. With nobody in charge, what is left of an EU order at the end?',
        answers: [
          {
            text: 'Nothing: the stock is released, the charge refunded, the order cancelled.',
            holds: { kind: 'clean' },
            why: 'Inventory, payment and the order service each react to ShipmentFailed by undoing their own step, so the cancelled order keeps neither stock nor money.',
          },
          {
            text: 'The order is cancelled, but its stock stays reserved or its charge stays taken.',
            holds: { kind: 'broken', invariant: 'saga-fully-compensated' },
            why: 'A service that had acted for the order never heard of the failure, or did not undo its step, so the cancelled order kept something of its saga.',
          },
          {
            text: 'The order is left PENDING: no one is there to cancel it.',
            holds: { kind: 'broken', invariant: 'no-order-stuck' },
            why: 'Nothing moved the order on after the failure, so it was still PENDING once everything had settled.',
          },
        ],
      },
    ],
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
    inProduction: {
      system: 'Uber’s ride booking, an orchestrated saga on Cadence (now Temporal)',
      differs:
        'There the workflow engine records every step’s history and retries each activity itself (match driver, price, charge, notify); here a hand-written orchestrator keeps its saga row and sends its commands through an outbox.',
    },
    expect: [],
    checkpoints: [
      {
        beforeStep: 1,
        revealAfter: 2,
        question:
          'Inventory has reserved and payment will charge; then shipping will refuse the region. What does the checker find once the orchestrator is done?',
        answers: [
          {
            text: 'The charge is refunded, but the stock stays reserved.',
            holds: { kind: 'broken', invariant: 'saga-fully-compensated' },
            why: 'One of the cancelled order’s earlier steps was never compensated, so what it did outlived the saga.',
          },
          {
            text: 'The sagas stay in compensation, waiting for replies that never come.',
            holds: { kind: 'broken', invariant: 'saga-terminal' },
            why: 'A saga still compensating once everything had settled had not heard back from a participant.',
          },
          {
            text: 'Nothing: it refunds, releases and cancels, newest step first.',
            holds: { kind: 'clean' },
            why: 'The orchestrator records each step that succeeded, and when ShipmentFailed arrives it sends their compensations in reverse order, so nothing of the order remains.',
          },
        ],
      },
    ],
  },
];
