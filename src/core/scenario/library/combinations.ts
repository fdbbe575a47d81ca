// The library's combinations the seed names under "Combining patterns": outbox +
// saga and saga + inbox on the shop, event sourcing + CQRS on an event-sourced
// run, CDC + event sourcing on a CDC run, each beside the one-switch run that
// breaks it. One list per topology: index.ts
// puts each beside its topology's other entries, so they stay together. Data only.

import type { Checkpoint } from './checkpoints';
import { BASE } from './messaging';
import type { ShopEntry } from './types';

/** The seed's section the combinations tell, shared with eventStoreCombinations.ts. */
export const SECTION = 'Combining patterns';

/**
 * A choreographed saga whose participants each die once between committing their step and publishing its event:
 * payment on the first order, inventory on the second. Only how the step's event leaves the service changes.
 */
const stepsDieBeforePublish = {
  ...BASE,
  faults: [
    { kind: 'crash', service: 'payment', point: 'after-commit-before-publish', nth: 1 },
    { kind: 'crash', service: 'inventory', point: 'after-commit-before-publish', nth: 2 },
  ],
} as const satisfies Partial<typeof BASE>;

/**
 * Every step's trigger delivered twice (OrderCreated to payment, PaymentCompleted to inventory, InventoryReserved to
 * shipping), and no idempotency key on the charge: whatever keeps each step single, it is the inbox alone.
 */
const everyStepTwice = {
  ...BASE,
  idempotencyKeys: false,
  faults: [
    { kind: 'duplicate', group: 'payment', type: 'OrderCreated' },
    { kind: 'duplicate', group: 'inventory', type: 'PaymentCompleted' },
    { kind: 'duplicate', group: 'shipping', type: 'InventoryReserved' },
  ],
} as const satisfies Partial<typeof BASE>;

/** Asked before the run to the end, on both runs of a pair: the switch between them decides which answer holds. */
const STEP_EVENTS_CHECKPOINT: Checkpoint = {
  beforeStep: 4,
  question:
    'Payment and inventory each died after committing their step, before its event left. Run to the end: what becomes of the orders?',
  answers: [
    {
      text: 'Every order completes: the events the crashes interrupted go out after the restart.',
      holds: { kind: 'clean' },
      why: 'Each step’s event was a row committed with the step itself; the restarted relay found it pending and published it.',
    },
    {
      text: 'An order stays PENDING forever: the next service never hears of the step.',
      holds: { kind: 'broken', invariant: 'no-order-stuck' },
      why: 'The step committed, but its event was to be sent after the commit; the crash came in between and nothing in the database remembered it.',
    },
    {
      text: 'A customer is charged twice when payment comes back.',
      holds: { kind: 'broken', invariant: 'no-double-charge' },
      why: 'A restarted service redid a charge it had already committed.',
    },
  ],
};

const DUPLICATE_STEPS_CHECKPOINT: Checkpoint = {
  beforeStep: 1,
  question:
    'Each step of the saga will be handed its trigger twice, and the charge carries no idempotency key. What does the checker find at the end?',
  answers: [
    {
      text: 'Nothing: every step acts once.',
      holds: { kind: 'clean' },
      why: 'Each service’s inbox records the message id in the step’s own transaction, so the second delivery is skipped.',
    },
    {
      text: 'A customer charged twice, and stock reserved or shipped twice.',
      holds: { kind: 'broken', invariant: 'no-double-charge' },
      why: 'With no inbox and no key, every handler does its work again when the same message comes back.',
    },
  ],
};

export const COMBINED_SHOP_SCENARIOS: ShopEntry[] = [
  {
    id: 'outbox-saga',
    title: 'Outbox + saga: every step publishes through its outbox',
    section: SECTION,
    idea: 'A choreographed saga is a chain of local commits and events; with an outbox, each step’s event commits with the step, so a participant that dies in between still sends it.',
    scenario: { ...stepsDieBeforePublish },
    narrative: [
      {
        say: 'Payment will die right after committing its first charge, inventory right after committing its second reservation — each before its event leaves.',
        watch: 'The Faults tab: two crashes armed.',
        do: { kind: 'showTab', tab: 'faults' },
      },
      {
        say: 'The first order is charged: the payment row and its PaymentCompleted outbox row commit together, and payment dies.',
        watch: 'The red Payment node; its outbox row still pending.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'payment' } },
      },
      {
        say: 'Payment comes back. Its relay reads the outbox and finds the PaymentCompleted it never sent.',
        watch: 'The Payment node running again; the row turns published, and inventory hears of the charge.',
        do: { kind: 'stepUntil', beat: { kind: 'restart', process: 'payment' } },
      },
      {
        say: 'The same on the next step: inventory commits the second order’s reservation with its InventoryReserved row, and dies.',
        watch: 'The red Inventory node; its outbox row still pending.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'inventory' } },
      },
      {
        say: 'Run to the end: inventory comes back and its relay sends what it owes.',
        watch: 'Every order COMPLETED.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'Two crashes in the middle of two sagas, and nothing lost.',
        watch: 'The Sagas tab and the empty Anomalies tab.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    partner: 'saga-dual-write',
    expect: [],
    checkpoints: [STEP_EVENTS_CHECKPOINT],
  },
  {
    id: 'saga-dual-write',
    title: 'A saga without an outbox: a step’s event lost',
    section: SECTION,
    idea: 'The same saga and the same two crashes, each step publishing straight to the broker after its commit: the event a crash interrupts is never sent, and the saga stops half-way.',
    scenario: { ...stepsDieBeforePublish, publishing: 'dual-write' },
    narrative: [
      {
        say: 'The same two crashes; this time every service commits, then publishes to the broker itself — no outbox.',
        watch: 'The Faults tab: two crashes armed.',
        do: { kind: 'showTab', tab: 'faults' },
      },
      {
        say: 'The first order is charged and payment dies before its publish: the broker never gets that PaymentCompleted.',
        watch: 'The red Payment node; the charge saved, the payment-events topic without it.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'payment' } },
      },
      {
        say: 'Payment comes back. Nothing in its database says an event is owed.',
        watch: 'The Payment node running again; inventory never hears of that charge.',
        do: { kind: 'stepUntil', beat: { kind: 'restart', process: 'payment' } },
      },
      {
        say: 'Inventory commits a reservation and dies before its publish: a second saga loses its next step.',
        watch: 'The red Inventory node.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'inventory' } },
      },
      {
        say: 'Run to the end: nothing will ever send the lost events.',
        watch: 'Orders stuck PENDING, charged and never shipped.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'The checker flags the orders the lost events left stuck.',
        watch: 'The Anomalies tab.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    partner: 'outbox-saga',
    expect: ['no-order-stuck'],
    checkpoints: [STEP_EVENTS_CHECKPOINT],
  },
  {
    id: 'saga-inbox',
    title: 'Saga + inbox: every step deduplicated',
    section: SECTION,
    idea: 'Each step of a saga is a consumer, and at-least-once delivery may hand it its trigger twice; an inbox per service keeps every step single, with no idempotency key needed.',
    scenario: { ...everyStepTwice },
    narrative: [
      {
        say: 'The broker will deliver OrderCreated to payment, PaymentCompleted to inventory and InventoryReserved to shipping twice each. Payment keys no charge.',
        watch: 'The Faults tab: three duplicates armed.',
        do: { kind: 'showTab', tab: 'faults' },
      },
      {
        say: 'Run it. Each service records every message id in its inbox, in the same transaction as the step’s writes.',
        watch: 'The “duplicates skipped” counters on payment, inventory and shipping.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'Each saga’s steps happened once each: one charge, one reservation, one shipment per order.',
        watch: 'The Sagas tab.',
        do: { kind: 'showTab', tab: 'sagas' },
      },
      {
        say: 'The checker agrees.',
        watch: 'The empty Anomalies tab.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    partner: 'saga-no-inbox',
    expect: [],
    checkpoints: [DUPLICATE_STEPS_CHECKPOINT],
  },
  {
    id: 'saga-no-inbox',
    title: 'A saga without an inbox: every step twice',
    section: SECTION,
    idea: 'The same duplicates with the inbox off: each step acts on both deliveries — the customer charged twice, stock reserved twice, the order shipped twice.',
    scenario: { ...everyStepTwice, inbox: false },
    narrative: [
      {
        say: 'The same three duplicates; no service keeps an inbox, and payment keys no charge.',
        watch: 'The Faults tab.',
        do: { kind: 'showTab', tab: 'faults' },
      },
      {
        say: 'Run it.',
        watch: 'Payment’s table: two charges for one order; two reservations, two shipments.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'One saga, each step done twice.',
        watch: 'The Sagas tab.',
        do: { kind: 'showTab', tab: 'sagas' },
      },
      {
        say: 'The checker flags the double charge and the repeated side effects.',
        watch: 'The Anomalies tab.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    partner: 'saga-inbox',
    expect: ['no-double-charge', 'no-duplicate-side-effect'],
    checkpoints: [DUPLICATE_STEPS_CHECKPOINT],
  },
];
