// The library's pair for the two ways an outbox reaches the broker: a relay
// polling the outbox table, and one tailing the database's change log as
// Debezium's outbox event router does. Same orders, same crash; open them
// side by side (their compare link) to see what each costs.

import { DEFAULT_SCENARIO, type Scenario } from '../scenario';
import type { ShopEntry } from './types';

/** Live at teaching pace, so rows can be watched waiting; payment's relay dies once after publishing. */
const RELAY_BASE: Scenario = {
  ...DEFAULT_SCENARIO,
  faults: [{ kind: 'crash', service: 'payment', point: 'relay-after-publish-before-mark', nth: 1 }],
  data: [],
};

export const RELAY_SCENARIOS: ShopEntry[] = [
  {
    id: 'relay-polling',
    title: 'Outbox relay: polling the table',
    section: 'Change data capture',
    idea: 'A polling relay queries the outbox for unpublished rows on a timer, publishes them, then marks them published: steady reads, and an event waits up to a whole interval.',
    scenario: { ...RELAY_BASE, relay: 'polling' },
    narrative: [
      {
        say: 'Place five orders. Each service’s relay queries its outbox table every 700 ms, whether or not anything is there.',
        watch:
          'The relay line under each outbox: “outbox queries”, how many were empty, and publish latency (p50).',
        do: { kind: 'placeOrders', count: 5 },
      },
      {
        say: 'Payment’s relay has published an event but dies before marking its row: the broker has it, the outbox still says pending.',
        watch: 'The red Payment node and its pending outbox row.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'payment' } },
      },
      {
        say: 'Restart payment. Its relay finds the row still unmarked and publishes it again.',
        watch: 'Inventory’s “duplicates skipped” counter.',
        do: { kind: 'restart', process: 'payment', whenCrashed: true },
      },
      {
        say: 'Let everything finish, then compare with the log-tailing relay.',
        watch: 'Every order COMPLETED; the relay lines’ counts and latency.',
        do: { kind: 'settle' },
      },
    ],
    partner: 'relay-log-tailing',
    expect: [],
    checkpoints: [
      {
        beforeStep: 2,
        revealAfter: 3,
        question:
          'Payment’s relay published an event and died before marking its row. Restarted, it finds the row still pending and publishes it again. What does inventory do with the second copy?',
        answers: [
          {
            text: 'Reserves the stock a second time.',
            holds: { kind: 'broken', invariant: 'no-duplicate-side-effect' },
            why: 'With no inbox, inventory could not tell the repeat from a new event, so it reserved for the order again.',
          },
          {
            text: 'Skips it: its inbox already has that message id.',
            holds: { kind: 'clean' },
            why: 'Both publishes carry the outbox row’s id as the message id, and inventory’s inbox, which records every id it has handled, skips the repeat.',
          },
          {
            text: 'Nothing, and the row stays pending for ever: the relay never gets to mark it.',
            holds: { kind: 'broken', invariant: 'no-event-lost' },
            why: 'An outbox row that was never marked published was still pending once everything had settled.',
          },
        ],
      },
    ],
  },
  {
    id: 'relay-log-tailing',
    title: 'Outbox relay: tailing the change log',
    section: 'Change data capture',
    idea: 'A log-tailing relay never queries or updates the outbox: it follows the database’s change log from a stored position, as Debezium does, and hears of each insert as it commits.',
    scenario: { ...RELAY_BASE, relay: 'log-tailing' },
    narrative: [
      {
        say: 'Place five orders. Each outbox insert also writes a change row in the same transaction; the relay reads those, not the table.',
        watch:
          'The change log under each outbox and the relay’s position in it; “0 outbox queries”; publish latency against the polling relay’s.',
        do: { kind: 'placeOrders', count: 5 },
      },
      {
        say: 'Payment’s relay has published a batch but dies before storing its position: the log still has those changes ahead of it.',
        watch: 'The red Payment node: its change log shows rows “ahead” of the position.',
        do: { kind: 'stepUntil', beat: { kind: 'crash', process: 'payment' } },
      },
      {
        say: 'Restart payment. It resumes from its stored position and publishes those changes again; the outbox id is the message id.',
        watch: 'Inventory’s inbox skips the repeat.',
        do: { kind: 'restart', process: 'payment', whenCrashed: true },
      },
      {
        say: 'Let everything finish. Outbox rows were never marked: the position says what is published.',
        watch: 'Every order COMPLETED; no anomaly.',
        do: { kind: 'settle' },
      },
    ],
    partner: 'relay-polling',
    inProduction: {
      system:
        'Shopify’s order processing: the order and its outbox row in one transaction, Debezium capturing the outbox',
      differs:
        'There Debezium reads MySQL’s binlog and publishes to Kafka; here the relay tails a change log a Dexie middleware writes in the same transaction, into the playground’s own broker.',
    },
    expect: [],
    checkpoints: [
      {
        beforeStep: 2,
        revealAfter: 3,
        question:
          'Payment’s relay published a batch and died before storing its position in the change log. Restarted, it resumes from the position it stored. What happens to that batch?',
        answers: [
          {
            text: 'It goes out again, and inventory reserves those orders twice.',
            holds: { kind: 'broken', invariant: 'no-duplicate-side-effect' },
            why: 'With no inbox, the events published again from the stored position were handled as new ones.',
          },
          {
            text: 'It is left in the log ahead of the relay’s position for good, never published again.',
            holds: { kind: 'broken', invariant: 'no-event-lost' },
            why: 'Committed changes were still ahead of the relay’s stored position once everything had settled, so nothing had published them.',
          },
          {
            text: 'It goes out again, and inventory’s inbox skips the repeats.',
            holds: { kind: 'clean' },
            why: 'The stored position is before the batch, so the relay publishes it again, each event under its outbox id as message id, and the inbox skips ids it has already handled.',
          },
        ],
      },
    ],
  },
];
