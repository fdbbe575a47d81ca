// The library's scenarios for the seed's opening problem and its first
// pattern: direct calls, dual write, two-phase commit, the outbox (the inbox's
// pair is inbox.ts).

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
];
