// The library's change-data-capture scenarios: the seed's Airbnb example — a
// legacy listings service that publishes nothing, whose table reaches a search
// read model through a connector tailing its change log — and the same with the
// connector killed mid-stream. Each opens a CDC run (topology 'cdc'). Data only.

import { DEFAULT_SCENARIO, type Scenario } from '../scenario';
import type { CdcAction, CdcEntry, NarrativeStep } from './types';

/** Fast-paced, no faults planned up front: the narrative arms its own crash. */
export const CDC_BASE: Scenario = {
  ...DEFAULT_SCENARIO,
  topology: 'cdc',
  pace: 'fast',
  faults: [],
  data: [],
};

/** A listing the story writes by hand, so a search can find it by name afterwards. */
const TREEHOUSE = {
  id: 'L-100',
  title: 'Treehouse above the river',
  city: 'Kyoto',
  price: 150,
  amenities: ['wifi', 'fireplace'],
};

export const WRITES = 100;

/** Both stories open the same way: the connector's first look at a table that already has rows. */
export const SNAPSHOT_STEP: NarrativeStep<CdcAction> = {
  say: 'The legacy listings service already holds a few listings, and its code publishes nothing. The connector starts without a stored position, so it first reads the whole table as a snapshot — one change event with op r per row — then follows the change log.',
  watch:
    'The connector: snapshot rows counted, then its position reaches the head of the log. The query node fills with one search document per listing.',
  do: { kind: 'settle' },
};

export const CDC_SCENARIOS: CdcEntry[] = [
  {
    id: 'cdc-legacy-search',
    title: 'CDC: a legacy service feeds search',
    section: 'Change data capture',
    idea: 'Every insert, update and delete of a legacy table becomes an event without touching its code: a change log written in the same transaction, a connector that tails it, and a search read model fed only by those events.',
    scenario: { ...CDC_BASE },
    narrative: [
      SNAPSHOT_STEP,
      {
        say: `The service inserts a listing — “${TREEHOUSE.title}” in ${TREEHOUSE.city} — as it always has. In the same transaction the change-log middleware writes a change row: op c, no before, the new row as after.`,
        watch:
          'The listings table and, under it, the change log’s newest row (c, green). A dot runs to the connector, then on to the broker and the query service.',
        do: { kind: 'write', write: { op: 'create', listing: TREEHOUSE } },
      },
      {
        say: `The price goes up to $175. An update is logged with the row before and after it, so a consumer sees what changed.`,
        watch:
          'The change log’s newest row: op u (amber), price 150 → 175. The Envelope tab shows it as Debezium would: before, after, op, source, ts_ms.',
        do: { kind: 'write', write: { op: 'update', id: TREEHOUSE.id, changes: { price: 175 } } },
      },
      {
        say: 'Search the read model the way a guest would. The query service never asked the listings service anything: it applied change events.',
        watch: 'The query node’s search box: the treehouse, at its new price.',
        do: { kind: 'search', text: 'treehouse', city: TREEHOUSE.city },
      },
      {
        say: `Now ${WRITES} random writes — creates, updates and deletes — each its own transaction. The connector publishes them in batches, keyed by listing id, to the topic listings.listings.`,
        watch:
          'The progress bar; the change log scrolling; the connector’s position chasing the log’s head, its lag rising and falling.',
        do: { kind: 'writeMany', count: WRITES },
      },
      {
        say: 'Let it settle: the connector reaches the head of the log, the query service applies the last events, and the checker compares the read model with the table, row by row.',
        watch:
          'The connector’s lag: 0. The Anomalies tab: nothing unpublished, the read model equals the table.',
        do: { kind: 'settle' },
      },
    ],
    seeAlso: 'cdc-connector-crash',
    inProduction: {
      system:
        'Airbnb’s search: a normalised listings database as the write model, Elasticsearch as the read model',
      differs:
        'There events from many services update a distributed search index; here one legacy table’s change log feeds a word index in one IndexedDB.',
    },
    expect: [],
    checkpoints: [
      {
        beforeStep: 4,
        revealAfter: 5,
        question:
          'A hundred random creates, updates and deletes hit the legacy table, whose code publishes nothing. Once the connector has caught up, does search match the table?',
        answers: [
          {
            text: 'No: some search documents drift from their rows.',
            holds: { kind: 'broken', invariant: 'cdc-read-model-matches-source' },
            why: 'A change the query service missed, or applied out of order, left a search document different from its row in the table.',
          },
          {
            text: 'Some writes never leave the database, since the service publishes nothing.',
            holds: { kind: 'broken', invariant: 'no-change-unpublished' },
            why: 'Changes committed to the log were still ahead of the connector’s stored position once everything had settled.',
          },
          {
            text: 'Yes, row for row.',
            holds: { kind: 'clean' },
            why: 'Each write commits its change row in the same transaction, and the connector publishes the log in order, keyed by listing, so the read model applies every change the table had.',
          },
        ],
      },
    ],
  },
  {
    id: 'cdc-connector-crash',
    title: 'CDC: the connector dies mid-stream',
    section: 'Change data capture',
    idea: 'A connector stores its position only after the broker has its events: killed in between, it publishes them again on restart. At-least-once — the read model skips the duplicates and still converges.',
    scenario: { ...CDC_BASE },
    narrative: [
      SNAPSHOT_STEP,
      {
        say: 'Arm a crash: the connector will die right after the broker acknowledges its next batch, before it stores its new position.',
        watch: 'The connector: its Arm button stays pressed, and an ARMED badge, until the crash fires.',
        do: { kind: 'crashAt', process: 'connector', point: 'cdc-after-publish-before-position' },
      },
      {
        say: `${WRITES} random writes. The connector publishes its first batch and dies. The legacy service neither knows nor cares: it keeps writing, and its log keeps growing.`,
        watch:
          'The connector: CRASHED at cdc-after-publish-before-position. The change log’s head moves on; the connector’s stored position stays where it was.',
        do: { kind: 'writeMany', count: WRITES },
      },
      {
        say: 'Restart the connector. It resumes from its stored position — before the batch it had already published — so that batch goes to the broker a second time.',
        watch:
          'The connector’s duplicates counter, highlighted now that it is above zero; its position catching up with the head.',
        do: { kind: 'restart', process: 'connector' },
      },
      {
        say: 'Let it settle. Each search document remembers the log sequence it reflects, so the query service skips a change it has already applied.',
        watch: 'The query node: duplicates skipped. The connector’s lag: 0.',
        do: { kind: 'settle' },
      },
      {
        say: 'Duplicates on the wire, none in the read model: the checker finds every change published and the search documents equal to the table.',
        watch: 'The Anomalies tab.',
        do: { kind: 'showTab', tab: 'anomalies' },
      },
    ],
    seeAlso: 'cdc-legacy-search',
    expect: [],
    checkpoints: [
      {
        beforeStep: 3,
        revealAfter: 4,
        question:
          'The connector died after the broker took a batch, before it stored its new position. Restarted, it resumes from the old position. What does the checker find once it has caught up?',
        answers: [
          {
            text: 'Search applies the batch twice and drifts from the table.',
            holds: { kind: 'broken', invariant: 'cdc-read-model-matches-source' },
            why: 'Changes applied a second time over newer ones left search documents that differ from their rows.',
          },
          {
            text: 'Nothing: the batch goes out twice, and search skips what it has applied.',
            holds: { kind: 'clean' },
            why: 'Each search document remembers the log sequence it reflects, so a change published again from the old position is recognised and skipped.',
          },
          {
            text: 'The writes made while it was down are lost.',
            holds: { kind: 'broken', invariant: 'no-change-unpublished' },
            why: 'Changes committed while the connector was down were still ahead of its stored position once everything had settled, so they were never published.',
          },
        ],
      },
    ],
  },
];
