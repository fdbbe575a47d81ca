// The library's event-sourced scenarios: snapshots and the run without them,
// the bank whose transfer survives a crash, read-your-writes over a read model
// that lags, and a read model rebuilt after its projection crashed. Each opens
// an event-sourced run (three real workers), so each one is live.

import { DEFAULT_SCENARIO, type Scenario } from '../scenario';
import type { EsEntry } from './types';

/** Fast-paced, no faults planned up front: the narrative arms its own crashes. */
export const ES_BASE: Scenario = {
  ...DEFAULT_SCENARIO,
  topology: 'event-sourced',
  pace: 'fast',
  snapshotEvery: 100,
  faults: [],
  data: [],
};

/** The seed's "order with 10,000 events". */
const LONG_ORDER = 10_000;

/** Both snapshot scenarios tell the same story: only `snapshotEvery` differs, so their load costs compare. */
function snapshotStory(snapshots: boolean): EsEntry['narrative'] {
  return [
    {
      say: 'A new order: created, then two items added — three events in the orders store.',
      watch: 'The orders panel: its stream at v3.',
      do: { kind: 'newOrder' },
    },
    {
      say: `The order lives a long life: ${LONG_ORDER.toLocaleString('en')} more items added and removed, every one an event.`,
      watch: snapshots
        ? 'The orders panel’s snapshot column: a new snapshot every 100 events.'
        : 'The orders panel’s snapshot column stays empty: no snapshot is ever taken.',
      do: { kind: 'growOrder', count: LONG_ORDER },
    },
    {
      say: 'Load the order the way a command handler must before it decides anything, once from its snapshot and once from the first event.',
      watch: snapshots
        ? 'The note below: the snapshot load reads a handful of events.'
        : 'The note below: both loads read every event.',
      do: { kind: 'measureLoad' },
    },
    {
      say: 'Replay folds the events in order; the slider goes back to any version.',
      watch: snapshots
        ? 'The Replay tab’s load cost and the snapshot marks on its slider.'
        : 'The Replay tab’s load cost: no snapshot to start from.',
      do: { kind: 'showTab', tab: 'replay' },
    },
    {
      say: 'Slow or fast, the state is the same: the checker replays each stream and compares it with the live state.',
      watch: 'The Anomalies tab.',
      do: { kind: 'showTab', tab: 'anomalies' },
    },
  ];
}

export const EVENT_SOURCING_SCENARIOS: EsEntry[] = [
  {
    id: 'es-snapshots',
    title: 'Event sourcing with snapshots',
    section: 'Event sourcing',
    idea: 'State is the fold of its events; a snapshot every 100 events means a load reads the snapshot and what came after.',
    scenario: { ...ES_BASE },
    narrative: snapshotStory(true),
    partner: 'es-no-snapshots',
    inProduction: {
      system: 'Netflix’s viewing history, kept as events (Started, Paused, Resumed, Completed)',
      differs:
        'There the events of millions of members are replayed for analytics and debugging across many services; here one browser folds one order’s stream, from a snapshot.',
    },
    expect: [],
    checkpoints: [
      {
        beforeStep: 2,
        question:
          'The order now has over 10,000 events, with a snapshot every 100. Loaded from its newest snapshot plus the few events after it, does it equal a full replay from the first event?',
        answers: [
          {
            text: 'No: the snapshot has drifted from the events it was taken from.',
            holds: { kind: 'broken', invariant: 'replay-matches-live' },
            why: 'A stream loaded from its snapshot and the events after it came out different from a full replay of its events.',
          },
          {
            text: 'Yes: the same state, from a handful of events instead of all of them.',
            holds: { kind: 'clean' },
            why: 'A snapshot is the fold of the events up to its version, so folding the events after it onto it gives exactly what folding them all from the start gives.',
          },
          {
            text: 'The state is right, but the read models never catch up with that many events.',
            holds: { kind: 'broken', invariant: 'read-model-converged' },
            why: 'A read model still differed from the state folded from the events once everything had settled.',
          },
        ],
      },
    ],
  },
  {
    id: 'es-no-snapshots',
    title: 'Event sourcing without snapshots: the 10,000-events mistake',
    section: 'Common mistakes',
    idea: 'Without snapshots every load replays the whole stream: right answers, but slower with every event.',
    scenario: { ...ES_BASE, snapshotEvery: 0 },
    narrative: snapshotStory(false),
    partner: 'es-snapshots',
    expect: [],
    checkpoints: [
      {
        beforeStep: 2,
        question:
          'No snapshot is ever taken, so every load replays all of the order’s 10,000-odd events. Slow, but what does the checker say about the state it loads?',
        answers: [
          {
            text: 'It is right: the same state as any replay, only slower to get.',
            holds: { kind: 'clean' },
            why: 'With no snapshot a load is a full replay, so it cannot differ from one: the cost grows with every event, the answer does not change.',
          },
          {
            text: 'It is wrong: a stream this long loads a different state.',
            holds: { kind: 'broken', invariant: 'replay-matches-live' },
            why: 'The state loaded for a stream came out different from a full replay of its events.',
          },
        ],
      },
    ],
  },
  {
    id: 'es-bank',
    title: 'The event-sourced bank: a transfer survives a crash',
    section: 'Event sourcing',
    idea: 'A transfer is a saga over events — debit, credit, complete — so a bank that dies half-way finishes the job when it comes back.',
    scenario: { ...ES_BASE },
    narrative: [
      {
        say: 'Alice sends Bob 30: the debit, the credit and the completion are each an event on an account.',
        watch: 'The bank panel’s streams and the balances read model.',
        do: { kind: 'transfer', from: 'acc-alice', to: 'acc-bob', amount: 30 },
      },
      {
        say: 'Arm a crash: the bank will die right after its next debit, before the credit.',
        watch: 'The bank panel: its Arm button stays pressed until the crash fires.',
        do: { kind: 'crashAt', process: 'bank', point: 'transfer-after-debit-before-credit' },
      },
      {
        say: 'Bob sends Carol 20. The debit is appended, then the bank dies.',
        watch: 'The bank process: crashed. Bob is 20 down, Carol has nothing yet.',
        do: { kind: 'transfer', from: 'acc-bob', to: 'acc-carol', amount: 20 },
      },
      {
        say: 'Restart the bank. It finds the transfer its events say was started and not completed, and credits Carol.',
        watch: 'Carol’s stream: the credit, then the completion.',
        do: { kind: 'restart', process: 'bank' },
      },
      {
        say: 'Wait for the read models to catch up: the money that left one account arrived in another.',
        watch: 'The balances read model: 70, 60, 20.',
        do: { kind: 'settle' },
      },
    ],
    expect: [],
    checkpoints: [
      {
        beforeStep: 3,
        revealAfter: 4,
        question:
          'Bob’s 20 has been debited and the bank died before crediting Carol. When the bank restarts, where is the money?',
        answers: [
          {
            text: 'Gone: Bob is 20 down and Carol never gets it.',
            holds: { kind: 'broken', invariant: 'bank-money-conserved' },
            why: 'Money left one account and reached no other, with no transfer still in flight to account for it.',
          },
          {
            text: 'With Carol, but the balances read model keeps showing the old figures.',
            holds: { kind: 'broken', invariant: 'read-model-converged' },
            why: 'The balances projection never caught up with the credit, so its read model still differed from the events once everything had settled.',
          },
          {
            text: 'With Carol: the bank finishes the transfer its events say was started.',
            holds: { kind: 'clean' },
            why: 'The debit was committed as TransferInitiated, so the restarted bank finds a transfer its events say was started and not completed, and appends the credit and the completion.',
          },
        ],
      },
    ],
  },
  {
    id: 'cqrs-read-your-writes',
    title: 'CQRS: reading your own writes',
    section: 'CQRS',
    idea: 'The read model is updated after the write: read at once and the order you just made is "not found" — unless the page handles it.',
    scenario: { ...ES_BASE, pace: 'teaching' },
    narrative: [
      {
        say: 'Commands go to the orders store; queries read the query service’s order summaries, which a projection fills a moment later.',
        watch: 'The Read your writes tab.',
        do: { kind: 'showTab', tab: 'ryw' },
      },
      {
        say: 'Write an order and read its summary at once, accepting eventual consistency.',
        watch: 'First read: not found — the projection has not got there yet.',
        do: { kind: 'readYourWrites', remedy: 'eventual' },
      },
      {
        say: 'Same again, but poll the read model until it reaches the version just written.',
        watch: 'Several reads, then the summary.',
        do: { kind: 'readYourWrites', remedy: 'poll-read-model' },
      },
      {
        say: 'Or let the write answer with the new order, and show that.',
        watch: 'Shown equals wrote: no read model involved.',
        do: { kind: 'readYourWrites', remedy: 'return-entity' },
      },
      {
        say: 'Given a moment, every read model catches up with every write.',
        watch: 'The projection lag: caught up.',
        do: { kind: 'settle' },
      },
    ],
    seeAlso: 'es-rebuild-read-model',
    expect: [],
    checkpoints: [
      {
        beforeStep: 1,
        question:
          'You write an order and at once read its summary from the read model, which a projection fills a moment later. Once things have settled, what does the checker say?',
        answers: [
          {
            text: 'The read model stays behind: the order is missing from it for good.',
            holds: { kind: 'broken', invariant: 'read-model-converged' },
            why: 'A read model still differed from the events after everything had settled, so an update to it was lost or skipped.',
          },
          {
            text: 'Nothing wrong: the read model has caught up, and a stale first read was only lag.',
            holds: { kind: 'clean' },
            why: 'The projection applies every event a moment after it is written, so once nothing is in flight the summaries equal what the events say, whatever an early read saw.',
          },
        ],
      },
    ],
  },
  {
    id: 'es-rebuild-read-model',
    title: 'Rebuilding a read model after a crashed projection',
    section: 'CQRS',
    idea: 'Read models are derived: a projection that dies mid-batch redoes it from its checkpoint, and any read model can be rebuilt from the events.',
    scenario: { ...ES_BASE },
    narrative: [
      {
        say: 'A new order; the query service projects it into the order summaries.',
        watch: 'The query panel’s Order summaries.',
        do: { kind: 'newOrder' },
      },
      {
        say: 'Arm a crash: the query service will die after applying its next batch, before saving its checkpoint.',
        watch: 'The query panel: its Arm button stays pressed until the crash fires.',
        do: { kind: 'crashAt', process: 'query', point: 'projection-before-checkpoint-commit' },
      },
      {
        say: 'Another order. The orders store keeps it; the projection dies half-way through.',
        watch: 'The query process: crashed, its read models behind.',
        do: { kind: 'newOrder' },
      },
      {
        say: 'Restart the query service: it rolls back the unsaved batch and projects again from its checkpoint.',
        watch: 'The lag falls back to caught up, no summary counted twice.',
        do: { kind: 'restart', process: 'query' },
      },
      {
        say: 'Rebuild the order summaries from scratch: clear them and replay every event.',
        watch: 'The rebuild’s progress, then the same rows.',
        do: { kind: 'rebuild', name: 'orderSummaries' },
      },
      {
        say: 'Wait until every projection has caught up.',
        watch: 'The Anomalies tab after the closing check.',
        do: { kind: 'settle' },
      },
    ],
    seeAlso: 'cqrs-read-your-writes',
    expect: [],
    checkpoints: [
      {
        beforeStep: 3,
        question:
          'The projection applied a batch and died before saving its checkpoint. Restarted, it projects again from its last saved checkpoint: what do the order summaries show?',
        answers: [
          {
            text: 'The right rows: the unsaved batch was rolled back, so nothing counts twice.',
            holds: { kind: 'clean' },
            why: 'The batch’s writes and its checkpoint commit together or not at all, so projecting again from the old checkpoint applies the batch to rows that never kept it.',
          },
          {
            text: 'The batch counted twice: it is applied again on top of itself.',
            holds: { kind: 'broken', invariant: 'read-model-converged' },
            why: 'The restarted projection applied events its read model already held, so the summaries differed from the events.',
          },
        ],
      },
    ],
  },
];
