// The library's combinations over event stores, from the seed's "Combining
// patterns": CDC + event sourcing (a legacy table's changes captured and
// appended to per-row streams, replayable) on a CDC run, and event sourcing +
// CQRS on an event-sourced run, each beside the one-switch run that breaks it
// (`inbox: false`). One list per topology: index.ts puts each beside its
// topology's other entries, so they stay together. Data only.

import { CDC_BASE, SNAPSHOT_STEP, WRITES } from './cdc';
import type { Checkpoint } from './checkpoints';
import { SECTION } from './combinations';
import { ES_BASE } from './eventSourcing';
import type { CdcAction, CdcEntry, EsAction, EsEntry, NarrativeStep } from './types';

/**
 * The connector dies once after the broker has a batch and before it stores its position, so on restart it
 * publishes that batch again: the history either skips each repeat by its log sequence or appends it (`inbox`).
 */
function historyStory(dedup: boolean): NarrativeStep<CdcAction>[] {
  return [
    {
      ...SNAPSHOT_STEP,
      watch: `${SNAPSHOT_STEP.watch} Under it, the history: one stream per listing, its first event the snapshot’s r.`,
    },
    {
      say: 'Arm a crash: the connector will die right after the broker acknowledges its next batch, before it stores its new position.',
      watch: 'The connector: its Arm button stays pressed, and an ARMED badge, until the crash fires.',
      do: { kind: 'crashAt', process: 'connector', point: 'cdc-after-publish-before-position' },
    },
    {
      say: `${WRITES} random writes to the legacy table. Each captured change is appended to its listing’s stream as the next version; the connector publishes its first batch and dies.`,
      watch: 'The connector: CRASHED. The query node’s history line: streams and events growing.',
      do: { kind: 'writeMany', count: WRITES },
    },
    {
      say: 'Restart the connector. It resumes from its stored position, before the batch it had published, so that batch reaches the query service again.',
      watch: 'The connector’s duplicates counter above zero.',
      do: { kind: 'restart', process: 'connector' },
    },
    {
      say: dedup
        ? 'Let it settle. Before each append the store looks at the stream’s head: a change at a log sequence the stream has already reached is the same change again, and is skipped.'
        : 'Let it settle. With the inbox off the store appends whatever arrives at the next version: each republished change lands in its stream a second time.',
      watch: dedup
        ? 'The query node’s history line: twice 0.'
        : 'The query node’s history line: twice, highlighted above zero.',
      do: { kind: 'settle' },
    },
    {
      say: dedup
        ? 'The checker replays every stream, folding its events back to a row, and compares it with the legacy table: each change once, each replay equal to its row.'
        : 'The checker replays every stream and finds changes held twice: a replay that counts price changes, or rebuilds a projection, would see things that never happened.',
      watch: 'The Anomalies tab.',
      do: { kind: 'showTab', tab: 'anomalies' },
    },
  ];
}

/** Asked before the settle, on both runs: whether the store checks a change's sequence decides the answer. */
const HISTORY_CHECKPOINT: Checkpoint = {
  beforeStep: 4,
  question:
    'The connector has published a batch a second time. Once everything settles, what will replaying each listing’s stream show?',
  answers: [
    {
      text: 'Every stream holds each change once and folds back to its row in the table.',
      holds: { kind: 'clean' },
      why: 'The store skipped each republished change: its log sequence was one the stream’s head had already reached.',
    },
    {
      text: 'Some streams hold a change twice.',
      holds: { kind: 'broken', invariant: 'cdc-history-replays-source' },
      why: 'The store appended whatever arrived at the next version, so the batch published again landed a second time.',
    },
    {
      text: 'The search documents drift from the table.',
      holds: { kind: 'broken', invariant: 'cdc-read-model-matches-source' },
      why: 'A change applied twice or out of order left a search document unlike its row.',
    },
  ],
};

export const COMBINED_CDC_SCENARIOS: CdcEntry[] = [
  {
    id: 'cdc-event-history',
    title: 'CDC + event sourcing: a legacy table’s history as events',
    section: SECTION,
    idea: 'The legacy service still writes only its table; the connector captures every change, and an event store appends each one to its row’s stream, once — so the table’s whole history can be replayed.',
    scenario: { ...CDC_BASE },
    narrative: historyStory(true),
    partner: 'cdc-history-no-dedup',
    expect: [],
    checkpoints: [HISTORY_CHECKPOINT],
  },
  {
    id: 'cdc-history-no-dedup',
    title: 'CDC + event sourcing without dedup: a change stored twice',
    section: SECTION,
    idea: 'The same crash, the store appending without looking at the stream’s head: the batch the connector publishes again lands in the streams twice, and the history no longer says what happened.',
    scenario: { ...CDC_BASE, inbox: false },
    narrative: historyStory(false),
    partner: 'cdc-event-history',
    expect: ['cdc-history-replays-source'],
    checkpoints: [HISTORY_CHECKPOINT],
  },
];

/**
 * Events as the write model, order summaries projected from them as the read model; the projection dies once after
 * applying a batch. Whether its checkpoint commits with the batch or apart from it (`inbox`) decides the read model.
 */
function cqrsStory(together: boolean): NarrativeStep<EsAction>[] {
  return [
    {
      say: 'Commands go to the orders store, which appends events: the write model. The query service folds those events, in its own database, into order summaries: a read model shaped for reading.',
      watch: 'The orders panel’s new stream, then the query panel’s Order summaries.',
      do: { kind: 'newOrder' },
    },
    {
      say: 'Let the projection catch up: the summary says what the three events say.',
      watch: 'The query panel: lag caught up, the order’s summary with its items and total.',
      do: { kind: 'settle' },
    },
    {
      say: together
        ? 'Arm a crash: the query service will die after applying its next batch, before that batch commits with its checkpoint.'
        : 'Arm a crash: the query service will die after applying its next batch — which this projection commits on its own — before it stores the checkpoint.',
      watch: 'The query panel: its Arm button stays pressed until the crash fires.',
      do: { kind: 'crashAt', process: 'query', point: 'projection-before-checkpoint-commit' },
    },
    {
      say: 'One more item added to the order: one ItemAdded event. The orders store keeps it; the projection applies it and dies.',
      watch: 'The query process: crashed, its read models behind the store.',
      do: { kind: 'growOrder', count: 1 },
    },
    {
      say: 'Restart the query service. It projects again from its stored checkpoint.',
      watch: 'The projection lag falling back to caught up.',
      do: { kind: 'restart', process: 'query' },
    },
    {
      say: together
        ? 'Let it settle. The batch and its checkpoint were one transaction: the crash undid both, the rerun applied the item once, and the checker finds each summary equal to its stream folded.'
        : 'Let it settle. The batch had committed without its checkpoint, so the rerun applied it again: the summary counts the item twice, and the checker, folding the stream, says so.',
      watch: together
        ? 'The order’s summary: one more item. The Anomalies tab: empty.'
        : 'The order’s summary: two more items, for one event. The Anomalies tab.',
      do: { kind: 'settle' },
    },
  ];
}

const READ_MODEL_CHECKPOINT: Checkpoint = {
  beforeStep: 4,
  revealAfter: 5,
  question:
    'The query service died after applying a batch of events, before storing the checkpoint that says it did. Once it is back and caught up, what do the order summaries show?',
  answers: [
    {
      text: 'Each summary says what its order’s events say.',
      holds: { kind: 'clean' },
      why: 'The batch and its checkpoint commit in one transaction: the crash undid both, so the batch was applied once.',
    },
    {
      text: 'A summary counts that batch’s items twice.',
      holds: { kind: 'broken', invariant: 'read-model-converged' },
      why: 'The batch had committed on its own; the checkpoint still pointed before it, so the restart applied it again.',
    },
    {
      text: 'The order’s events themselves changed: replaying them gives another state.',
      holds: { kind: 'broken', invariant: 'replay-matches-live' },
      why: 'A read-side crash touched the write model.',
    },
  ],
};

export const COMBINED_ES_SCENARIOS: EsEntry[] = [
  {
    id: 'es-cqrs',
    title: 'Event sourcing + CQRS: events write, projections read',
    section: SECTION,
    idea: 'The events are the write model; read models are folds of them, kept by a projection whose checkpoint commits with each batch — so a projection that dies mid-batch resumes without counting anything twice.',
    scenario: { ...ES_BASE },
    narrative: cqrsStory(true),
    partner: 'es-cqrs-checkpoint-apart',
    expect: [],
    checkpoints: [READ_MODEL_CHECKPOINT],
  },
  {
    id: 'es-cqrs-checkpoint-apart',
    title: 'CQRS with the checkpoint stored apart: a read model counts twice',
    section: SECTION,
    idea: 'The same crash, the projection storing its checkpoint in its own transaction after the batch: the restart applies the batch again, and the read model no longer says what the events say.',
    scenario: { ...ES_BASE, inbox: false },
    narrative: cqrsStory(false),
    partner: 'es-cqrs',
    expect: ['read-model-converged'],
    checkpoints: [READ_MODEL_CHECKPOINT],
  },
];
