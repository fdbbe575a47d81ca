// The inbox pair: duplicate deliveries (a planned duplicate, and payment's
// relay dying between publish and mark) with the inbox on, and the same with it
// off, where a handler that is not idempotent does its work again.

import type { ShopEntry } from './types';
import { BASE } from './messaging';

/** A shipping delivery handed over twice, and payment's relay publishing its rows again after a crash. */
const duplicates = [
  { kind: 'duplicate', group: 'shipping', type: 'InventoryReserved' },
  { kind: 'crash', service: 'payment', point: 'relay-after-publish-before-mark', nth: 1 },
] as const;

export const INBOX_SCENARIOS: ShopEntry[] = [
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
