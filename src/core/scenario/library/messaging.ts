// The library's scenarios for the seed's opening problem and its first
// patterns: direct calls, dual write, two-phase commit, outbox, inbox.

import { DEFAULT_SCENARIO, type Scenario } from '../scenario';
import type { ShopEntry } from './types';

/** Two orders for the same lamp while the coordinator is planned to die after prepare: 2PC and its saga pair. */
const TWO_ORDERS_ONE_LAMP: Scenario = {
  ...DEFAULT_SCENARIO,
  pace: 'fast',
  ordering: 'two-phase-commit',
  faults: [{ kind: 'crash', service: 'order', point: 'coordinator-after-prepare', nth: 1 }],
  data: [],
};
const sameLamp = { items: [{ sku: 'SKU-LAMP', qty: 1 }] };

/** Deterministic, fast-paced, three orders: the base most library scenarios vary. */
export const BASE: Scenario = {
  ...DEFAULT_SCENARIO,
  mode: 'deterministic',
  pace: 'fast',
  seed: 11,
  orders: 3,
  faults: [],
  data: [],
};

/**
 * The order service dies half-way through the second order, wherever its approach has a half-way: after
 * committing (outbox, dual write) or after the charge (direct calls). One plan for the three, so direct calls,
 * dual write and outbox compare with nothing but their approach changed; each run reaches only its own point.
 */
const orderDiesHalfWay = [
  { kind: 'crash', service: 'order', point: 'after-commit-before-publish', nth: 2 },
  { kind: 'crash', service: 'order', point: 'direct-after-charge', nth: 2 },
] as const;
const duplicates = [
  { kind: 'duplicate', group: 'shipping', type: 'InventoryReserved' },
  { kind: 'crash', service: 'payment', point: 'relay-after-publish-before-mark', nth: 1 },
] as const;

export const MESSAGING_SCENARIOS: ShopEntry[] = [
  {
    id: 'direct-calls',
    title: 'The problem: one order, three databases',
    section: 'The distributed transaction problem',
    idea: 'Calling each service in turn has no transaction around it: a crash half-way leaves money taken and nothing reserved.',
    scenario: {
      ...BASE,
      ordering: 'direct-calls',
      faults: [...orderDiesHalfWay],
    },
    narrative: [
      {
        say: 'The order service calls payment, then inventory, then shipping, each in its own local transaction.',
        watch: 'The Order, Payment and Inventory tables.',
        do: { kind: 'stepUntil', beat: { kind: 'placed' } },
      },
      {
        say: 'The second order is charged; then the order service dies before it asks inventory to reserve.',
        watch: 'The red Order node; Payment shows a charge for an order inventory never heard of.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'order' } },
      },
      {
        say: 'The order service comes back, but nothing in it remembers the half-done call.',
        watch: 'The Order node running again; that order still PENDING, its charge still taken.',
        do: { kind: 'stepUntil', beat: { kind: 'restart', process: 'order' } },
      },
      {
        say: 'Run the rest: nothing will ever reserve, ship or refund that order.',
        watch: 'The order stays PENDING forever.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'The checker flags the stuck order: the customer paid for something nobody will ship.',
        watch: 'The Anomalies tab.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    partner: 'outbox',
    expect: ['no-order-stuck'],
    checkpoints: [
      {
        beforeStep: 2,
        revealAfter: 3,
        question:
          'The order service died after payment charged the second order, before it asked inventory to reserve. It is about to come back: what will the checker find once the run ends?',
        answers: [
          {
            text: 'The restarted service carries on from where it stopped, and every order completes.',
            holds: { kind: 'clean' },
            why: 'Every order’s chain of calls — payment, inventory, shipping — ran to its end, so none was left charged and not reserved.',
          },
          {
            text: 'That order is left PENDING for good, with the customer’s money taken.',
            holds: { kind: 'broken', invariant: 'no-order-stuck' },
            why: 'A chain of direct calls is kept only in the caller’s memory, so the restarted service has no record that the order was half-way through and never calls inventory or shipping for it.',
          },
          {
            text: 'It calls payment again from the start, and the customer is charged twice.',
            holds: { kind: 'broken', invariant: 'no-double-charge' },
            why: 'Retrying the chain from its first call sent payment a second charge for an order it had already charged.',
          },
        ],
      },
    ],
  },
  {
    id: 'dual-write',
    title: 'Dual write: save, then publish',
    section: 'The distributed transaction problem',
    idea: 'Committing to the database and then publishing to the broker are two writes; a crash between them loses the event.',
    scenario: { ...BASE, publishing: 'dual-write', faults: [...orderDiesHalfWay] },
    narrative: [
      {
        say: 'The first order is committed, then published straight to the broker: there is no outbox.',
        watch: 'The Order table and the broker’s order-events offsets.',
        do: { kind: 'stepUntil', beat: { kind: 'placed' } },
      },
      {
        say: 'The second order is committed, and the service dies before its publish.',
        watch: 'The order row is saved and the node is red; the broker never gets that OrderCreated.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'order' } },
      },
      {
        say: 'The order service comes back. Nothing in its database says an event is still owed.',
        watch: 'The Order node running again; the broker’s order-events still without that OrderCreated.',
        do: { kind: 'stepUntil', beat: { kind: 'restart', process: 'order' } },
      },
      {
        say: 'Run to the end: nothing will ever send the lost event.',
        watch: 'That order stays PENDING.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'The checker: “order saved, event never published”.',
        watch: 'The Anomalies tab.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    partner: 'outbox',
    expect: ['no-event-lost', 'no-order-stuck'],
    checkpoints: [
      {
        beforeStep: 2,
        revealAfter: 3,
        question:
          'The second order is saved, and the service died before it sent OrderCreated to the broker. When it comes back, what becomes of that event?',
        answers: [
          {
            text: 'The service sends it once it is back, and the order completes.',
            holds: { kind: 'clean' },
            why: 'Every saved order reached the broker as an event, so each one went on through payment, inventory and shipping.',
          },
          {
            text: 'It is sent twice, and the order ships twice.',
            holds: { kind: 'broken', invariant: 'no-duplicate-side-effect' },
            why: 'An event that reached the broker twice was acted on twice by a consumer that did not skip the repeat.',
          },
          {
            text: 'It is never sent: the broker never hears of that order.',
            holds: { kind: 'broken', invariant: 'no-event-lost' },
            why: 'With dual write the event existed only in the memory of the process that died; nothing in the database says it is still owed, so nothing sends it after the restart.',
          },
        ],
      },
    ],
  },
  {
    id: 'two-phase-commit',
    title: 'Two-phase commit: blocked on the coordinator',
    section: 'Two-phase commit',
    idea: 'Participants that voted yes hold their locks until the coordinator decides; if it dies, everyone who needs those rows waits.',
    scenario: TWO_ORDERS_ONE_LAMP,
    narrative: [
      {
        say: 'Place two orders for the same stock. The coordinator asks payment and inventory to prepare: they lock and vote yes.',
        watch: 'The lock tables on Payment and Inventory.',
        do: { kind: 'placeOrders', count: 2, like: sameLamp },
      },
      {
        say: 'The coordinator died after prepare, before deciding. The locks stay; the second order waits for them.',
        watch: 'The red Order node, the held locks and the waiting prepare.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'order' } },
      },
      {
        say: 'Bring the coordinator back: it reads its log, decides, and the participants release.',
        watch: 'Locks disappear; the waiting order goes through.',
        do: { kind: 'restart', process: 'order' },
      },
      {
        say: 'Let everything finish.',
        watch: 'Both orders COMPLETED, no lock left.',
        do: { kind: 'settle' },
      },
    ],
    partner: 'saga-instead-of-2pc',
    expect: [],
    checkpoints: [
      {
        beforeStep: 2,
        revealAfter: 3,
        question:
          'The coordinator died after payment and inventory voted yes, and their locks are held. Bring it back: what is left once everything has finished?',
        answers: [
          {
            text: 'The locks stay held: the participants cannot finish without the coordinator.',
            holds: { kind: 'broken', invariant: 'no-2pc-blocked' },
            why: 'A participant that has voted yes may neither commit nor abort on its own, so until a coordinator tells it the decision its prepared transaction and its locks stay.',
          },
          {
            text: 'Nothing: it decides, the locks are released, and both orders complete.',
            holds: { kind: 'clean' },
            why: 'The coordinator logged the transaction before asking for votes, so once it is back it finds it unfinished in its log, asks again, decides, and the participants commit or abort and let go of their locks.',
          },
        ],
      },
    ],
  },
  {
    id: 'saga-instead-of-2pc',
    title: 'The same two orders as a saga: no lock to wait on',
    section: 'Two-phase commit',
    idea: 'The two-phase-commit run with messaging instead: each service commits its own step and publishes an event, so nobody prepares, holds a lock or waits for a coordinator.',
    scenario: { ...TWO_ORDERS_ONE_LAMP, ordering: 'messaging' },
    narrative: [
      {
        say: 'Place the same two orders for the same stock. Each service commits its own local transaction with an outbox row; no one asks anyone to prepare.',
        watch: 'The outboxes and the broker’s topics: no lock table anywhere.',
        do: { kind: 'placeOrders', count: 2, like: sameLamp },
      },
      {
        say: 'The same crash is planned — the coordinator after prepare — but a saga has no coordinator and no prepare, so it never fires.',
        watch: 'The Faults tab: the crash stays armed, waiting for a point this run never reaches.',
        do: { kind: 'showTab', tab: 'faults' },
      },
      {
        say: 'Let everything finish: the second order never waited for the first.',
        watch: 'Both orders COMPLETED.',
        do: { kind: 'settle' },
      },
      {
        say: 'Each saga’s chain of events, read off the services’ own data.',
        watch: 'The Sagas tab.',
        do: { kind: 'showTab', tab: 'sagas' },
      },
    ],
    partner: 'two-phase-commit',
    expect: [],
    checkpoints: [
      {
        beforeStep: 1,
        revealAfter: 2,
        question:
          'The same crash of the coordinator after prepare is planned, but now each service commits its own step and publishes an event. Once both orders are done, what does the checker find?',
        answers: [
          {
            text: 'Payment and inventory are left holding locks, as in two-phase commit.',
            holds: { kind: 'broken', invariant: 'no-2pc-blocked' },
            why: 'Participants that had prepared and locked their rows were left waiting for a decision that never came.',
          },
          {
            text: 'The second order waits behind the first and is left PENDING.',
            holds: { kind: 'broken', invariant: 'no-order-stuck' },
            why: 'An order whose next step never came was still PENDING when everything else had finished.',
          },
          {
            text: 'Nothing: both orders complete, and the planned crash never fires.',
            holds: { kind: 'clean' },
            why: 'A saga has no coordinator and no prepare phase, so the crash point is never reached, and no service holds a lock for the other order to wait on.',
          },
        ],
      },
    ],
  },
  {
    id: 'outbox',
    title: 'Transactional outbox',
    section: 'Transactional outbox',
    idea: 'The event is a row in the same transaction as the order; a relay publishes it later, again after a crash if need be.',
    scenario: { ...BASE, faults: [...orderDiesHalfWay] },
    narrative: [
      {
        say: 'The first order and its OrderCreated row commit together, in one transaction.',
        watch: 'The order service’s outbox: a pending row.',
        do: { kind: 'stepUntil', beat: { kind: 'placed' } },
      },
      {
        say: 'Same crash as dual write: the service dies right after committing the second order, before anything is published.',
        watch:
          'The red Order node: the order and its OrderCreated row are both saved, the row still pending.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'order' } },
      },
      {
        say: 'The order service comes back and reads its database: the rows it had not published are still there.',
        watch: 'The Order node running again; its outbox rows still pending.',
        do: { kind: 'stepUntil', beat: { kind: 'restart', process: 'order' } },
      },
      {
        say: 'Its relay finds the pending rows and publishes them: the event the crash interrupted goes out after all.',
        watch: 'The outbox rows turn published; the broker’s order-events offsets move on.',
        do: { kind: 'stepUntil', beat: { kind: 'published', service: 'order' } },
      },
      {
        say: 'Run to the end.',
        watch: 'Every order completes.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'Nothing lost, nothing flagged.',
        watch: 'The Anomalies tab is empty.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    partner: 'dual-write',
    expect: [],
    checkpoints: [
      {
        beforeStep: 2,
        revealAfter: 4,
        question:
          'The same crash as in dual write: the second order and its OrderCreated row are committed, nothing is published yet. When the service comes back, what becomes of that event?',
        answers: [
          {
            text: 'It is lost, as with dual write.',
            holds: { kind: 'broken', invariant: 'no-event-lost' },
            why: 'The event was not saved together with the order, so after the crash nothing remembered that it was still owed.',
          },
          {
            text: 'Its relay finds the row still pending and publishes it; every order completes.',
            holds: { kind: 'clean' },
            why: 'The event was committed in the same transaction as the order, so it survived the crash as a pending outbox row, and the restarted relay publishes every row not yet marked.',
          },
          {
            text: 'It is published twice, and the order ships twice.',
            holds: { kind: 'broken', invariant: 'no-duplicate-side-effect' },
            why: 'A row published but not yet marked went out again after the restart, and a consumer acted on both copies.',
          },
        ],
      },
    ],
  },
  {
    id: 'inbox-duplicates',
    title: 'Inbox: duplicates arrive, effects happen once',
    section: 'Inbox pattern',
    idea: 'At-least-once delivery repeats messages; the inbox records each message id with the handler’s writes, so a repeat is skipped.',
    scenario: { ...BASE, faults: [...duplicates] },
    narrative: [
      {
        say: 'Payment’s relay will die after publishing, before marking its row: the event goes out twice. The broker will also hand shipping one event twice.',
        watch: 'The Faults tab: two faults armed.',
        do: { kind: 'showTab', tab: 'faults' },
      },
      {
        say: 'Payment’s relay publishes its events, then dies before marking its rows.',
        watch: 'The red Payment node: its outbox rows still pending, though the broker has them.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'payment' } },
      },
      {
        say: 'Payment comes back and its relay publishes the rows still pending — again: the broker now holds those events twice.',
        watch: 'Payment’s outbox rows turn published; the broker’s payment-events offsets move on.',
        do: { kind: 'stepUntil', beat: { kind: 'published', service: 'payment' } },
      },
      {
        say: 'Run the orders through.',
        watch: 'The “duplicates skipped” counters on the consumers.',
        do: { kind: 'runToEnd' },
      },
      {
        say: 'Every duplicate was seen in the inbox and skipped; one shipment per order.',
        watch: 'Shipping’s table and the empty Anomalies tab.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    partner: 'no-inbox',
    expect: [],
    checkpoints: [
      {
        beforeStep: 3,
        question:
          'Payment came back after dying between publish and mark, and has published those events again; shipping will also get one event twice. What do the consumers do with the second copies?',
        answers: [
          {
            text: 'Handle them again: some order is reserved or shipped twice.',
            holds: { kind: 'broken', invariant: 'no-duplicate-side-effect' },
            why: 'With no record of the messages already handled, a handler that is not idempotent did its work again for the copy.',
          },
          {
            text: 'Payment charges the orders again as it republishes.',
            holds: { kind: 'broken', invariant: 'no-double-charge' },
            why: 'Payment handled an order’s OrderCreated a second time and took a second charge for it.',
          },
          {
            text: 'Skip them: every order is charged, reserved and shipped once.',
            holds: { kind: 'clean' },
            why: 'Each consumer writes a message’s id to its inbox in the same transaction as the handler’s work, so a copy whose id is already there is recognised and skipped.',
          },
        ],
      },
    ],
  },
  {
    id: 'no-inbox',
    title: 'Without an inbox: the duplicate ships twice',
    section: 'Inbox pattern',
    idea: 'The same duplicates with the inbox switched off: a handler that is not idempotent does its work again.',
    scenario: { ...BASE, inbox: false, faults: [...duplicates] },
    narrative: [
      {
        say: 'The same faults as with the inbox; the inbox is off.',
        watch: 'The Faults tab.',
        do: { kind: 'showTab', tab: 'faults' },
      },
      {
        say: 'Payment’s relay publishes its events, then dies before marking its rows.',
        watch: 'The red Payment node: its outbox rows still pending, though the broker has them.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'payment' } },
      },
      {
        say: 'Payment comes back and publishes those rows again; with no inbox, nothing will skip the repeats.',
        watch: 'Payment’s outbox rows turn published; the broker’s payment-events offsets move on.',
        do: { kind: 'stepUntil', beat: { kind: 'published', service: 'payment' } },
      },
      { say: 'Run the orders through.', watch: 'Shipping’s table.', do: { kind: 'runToEnd' } },
      {
        say: 'An order has two shipments: the checker flags the duplicate side effect.',
        watch: 'The Anomalies tab.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    partner: 'inbox-duplicates',
    expect: ['no-duplicate-side-effect'],
    checkpoints: [
      {
        beforeStep: 3,
        question:
          'Payment has sent its events again, and no service has an inbox. When the orders run through, what happens?',
        answers: [
          {
            text: 'An order ends up with two shipments.',
            holds: { kind: 'broken', invariant: 'no-duplicate-side-effect' },
            why: 'Nothing remembers which messages were already handled, and shipping’s handler is not idempotent: the repeat makes a second shipment.',
          },
          {
            text: 'Every order ships once.',
            holds: { kind: 'clean' },
            why: 'In this run no handler that repeats its work was handed a message twice, so nothing happened twice.',
          },
        ],
      },
    ],
  },
];
