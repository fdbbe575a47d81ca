// Wires a CdcController into the page's stores: its events into the facts
// (once per animation frame, however fast they come), and a poll for what no
// event carries — the table, its change log, the connector's position and the
// search documents — soon after an event made one stale, and every few
// seconds regardless. Processes that are down are not asked: their nodes show
// the last rows they gave, greyed, under CRASHED.

import type { CdcController, CdcEvent } from '../../runtime/cdcController';
import { createPoller } from '../es/poller';
import { createFrameBatcher } from '../store/frameBatcher';
import { anyStale, CDC_NODES, staleness, type Staleness } from './cdcState';
import type { CdcFactsStore, CdcPolled } from './cdcStore';

export const POLL_INTERVAL_MS = 500;
const POLL_MIN_GAP_MS = 150;
/** Every view is asked at least this often, events or not. */
const QUIET_REFRESH_MS = 3000;

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const ALL: Staleness = { listings: true, connector: true, docs: true };

export async function pollOnce(
  controller: CdcController,
  facts: CdcFactsStore,
  want: Staleness = ALL,
): Promise<void> {
  const { processes } = facts.getState();
  const up = (p: keyof typeof processes) => processes[p].status === 'running';
  const ask = <T>(wanted: boolean, call: () => Promise<T>) => (wanted ? call() : Promise.resolve(undefined));
  const [listings, changes, connector, docs, history] = await Promise.allSettled([
    ask(want.listings && up('listings'), () => controller.listings()),
    ask(want.listings && up('listings'), () => controller.changes('listings')),
    ask(want.connector && up('connector'), () => controller.connector()),
    ask(want.docs && up('query'), () => controller.searchDocs()),
    // The history is written in the search documents' transaction: it goes stale with them.
    ask(want.docs && up('query'), () => controller.listingHistory()),
  ]);
  const value = <T>(r: PromiseSettledResult<T | undefined>) =>
    r.status === 'fulfilled' ? r.value : undefined;
  const polled: CdcPolled = {};
  if (value(listings)) polled.listings = value(listings);
  if (value(changes)) polled.changes = value(changes);
  if (value(connector)) polled.connector = value(connector);
  if (value(docs)) polled.docs = value(docs);
  if (value(history)) polled.history = value(history);
  if (Object.keys(polled).length) facts.getState().setPolled(polled);
  // A poll failing because a process is down is expected; one failing while all run is news.
  const failed = [listings, changes, connector, docs, history].find((r) => r.status === 'rejected') as
    PromiseRejectedResult | undefined;
  const allUp = CDC_NODES.every((p) => facts.getState().processes[p].status === 'running');
  facts.getState().setPollError(failed && allUp ? errorText(failed.reason) : null);
}

export function connectCdc(
  controller: CdcController,
  facts: CdcFactsStore,
  intervalMs = POLL_INTERVAL_MS,
): () => void {
  facts
    .getState()
    .ingest(CDC_NODES.map((process) => ({ kind: 'process', process, status: controller.status(process) })));
  const known = controller.anomalies();
  if (known.length) facts.getState().setAnomalies(known, false);
  const dirty: Staleness = { ...ALL };
  const asked = { listings: 0, connector: 0, docs: 0 };
  const poll = () => {
    // A hidden tab does not need fresh tables.
    if (typeof document !== 'undefined' && document.hidden) return Promise.resolve();
    const now = Date.now();
    const want = {} as Staleness;
    for (const k of Object.keys(asked) as (keyof Staleness)[]) {
      want[k] = dirty[k] || now - asked[k] > QUIET_REFRESH_MS;
      if (want[k]) asked[k] = now;
      dirty[k] = false;
    }
    return pollOnce(controller, facts, want);
  };
  const poller = createPoller(poll, { intervalMs, minGapMs: POLL_MIN_GAP_MS });
  const batcher = createFrameBatcher<CdcEvent>((events) => facts.getState().ingest(events));
  const unsubscribe = controller.subscribe((events) => {
    batcher.push(events);
    const stale = staleness(events);
    dirty.listings ||= stale.listings;
    dirty.connector ||= stale.connector;
    dirty.docs ||= stale.docs;
    if (anyStale(stale)) poller.kick();
  });
  return () => {
    unsubscribe();
    batcher.cancel();
    poller.stop();
  };
}
