// Wires an EsController into the page's stores: its events into the facts, and
// a cheap poll for what no event carries — every half second, and soon after an
// event made it stale. Lags are asked every time (the oldest event's age grows
// without any event); streams and read models only after an event touched them,
// or every few seconds. Processes that are down are not asked: their panels
// show CRASHED instead.

import {
  ES_PROCESSES,
  READ_MODEL_NAMES,
  type EsController,
  type EsStore,
  type ReadModelName,
  type StreamInfo,
} from '../../runtime/esController';
import { staleness, wantsPoll } from './esState';
import type { EsFactsStore } from './esStore';
import { createPoller } from './poller';

export const POLL_INTERVAL_MS = 500;
const POLL_MIN_GAP_MS = 150;

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The polled streams of the stores that answered, and the last known ones of a store that is down. */
export function mergeStreams(
  polled: readonly StreamInfo[],
  previous: readonly StreamInfo[],
  isUp: (store: EsStore) => boolean,
): StreamInfo[] {
  return [...polled.filter((s) => isUp(s.store)), ...previous.filter((s) => !isUp(s.store))];
}

export interface PollWants {
  streams: boolean;
  models: boolean;
}

export async function pollOnce(
  controller: EsController,
  facts: EsFactsStore,
  want: PollWants = { streams: true, models: true },
): Promise<void> {
  const { processes } = facts.getState();
  const up = (p: keyof typeof processes) => processes[p].status === 'running';
  const [streams, lags, models] = await Promise.allSettled([
    want.streams && (up('orders') || up('bank')) ? controller.streams() : Promise.resolve(undefined),
    up('query') ? controller.projectionLag() : Promise.resolve(undefined),
    want.models && up('query')
      ? Promise.all(READ_MODEL_NAMES.map(async (n) => [n, await controller.readModel(n)] as const))
      : Promise.resolve(undefined),
  ]);
  const value = <T>(r: PromiseSettledResult<T | undefined>) =>
    r.status === 'fulfilled' ? r.value : undefined;
  const models_ = value(models);
  const polled = value(streams);
  facts.getState().setPolled({
    ...(polled && { streams: mergeStreams(polled, facts.getState().streams, up) }),
    ...(value(lags) && { lags: value(lags) }),
    ...(models_ && {
      readModels: Object.fromEntries(models_) as Partial<Record<ReadModelName, Record<string, unknown>[]>>,
    }),
  });
  // A poll failing because a process is down is expected; one failing while all run is news.
  const failed = [streams, lags, models].find((r) => r.status === 'rejected') as
    PromiseRejectedResult | undefined;
  const allUp = ES_PROCESSES.every((p) => facts.getState().processes[p].status === 'running');
  facts.getState().setPollError(failed && allUp ? errorText(failed.reason) : null);
}

/** Streams and read models are asked at least this often, events or not. */
const QUIET_REFRESH_MS = 3000;

export function connectEs(
  controller: EsController,
  facts: EsFactsStore,
  intervalMs = POLL_INTERVAL_MS,
): () => void {
  facts
    .getState()
    .ingest(
      ES_PROCESSES.map((process) => ({ kind: 'process', process, status: controller.status(process) })),
    );
  const known = controller.anomalies();
  if (known.length) facts.getState().setAnomalies(known, false);
  const dirty = { streams: true, models: true };
  const asked = { streams: 0, models: 0 };
  const poll = () => {
    // A hidden tab does not need fresh tables.
    if (typeof document !== 'undefined' && document.hidden) return Promise.resolve();
    const now = Date.now();
    const want = {
      streams: dirty.streams || now - asked.streams > QUIET_REFRESH_MS,
      models: dirty.models || now - asked.models > QUIET_REFRESH_MS,
    };
    if (want.streams) asked.streams = now;
    if (want.models) asked.models = now;
    dirty.streams = dirty.models = false;
    return pollOnce(controller, facts, want);
  };
  const poller = createPoller(poll, { intervalMs, minGapMs: POLL_MIN_GAP_MS });
  const unsubscribe = controller.subscribe((events) => {
    facts.getState().ingest(events);
    const stale = staleness(events);
    dirty.streams ||= stale.streams;
    dirty.models ||= stale.models;
    if (wantsPoll(events)) poller.kick();
  });
  return () => {
    unsubscribe();
    poller.stop();
  };
}
