// The facts an event-sourced run has told the page, and the pure reducer that
// folds its events into them. Polled answers (streams, read models, lags) are
// set as they arrive; everything else comes from EsEvent.

import type { CrashPoint } from '../../core/crashPoints';
import type { ProcessStatus } from '../../runtime/controller';
import {
  afterCheck,
  afterError,
  afterStatus,
  initialPageData,
  unshownOnPage,
  type PageData,
  type PageError,
} from '../page/pageFacts';
import type {
  EsEvent,
  EsProcess,
  ProjectionLag,
  ReadModelName,
  StreamInfo,
} from '../../runtime/esController';

export interface EsProcessState {
  status: ProcessStatus;
  /** Where it died: a crash point, or 'manual' for Crash now. */
  crashedAt: string | null;
  /** The crash point armed in it, if any. */
  armed: CrashPoint | null;
}

export interface GrowState {
  done: number;
  total: number;
  version: number;
}

export interface RebuildState {
  done: number;
  total: number;
  finished: boolean;
}

export interface ConflictNote {
  seq: number;
  stream: string;
  message: string;
}

export type EsError = PageError;

export interface EsData extends PageData {
  processes: Record<EsProcess, EsProcessState>;
  streams: StreamInfo[];
  readModels: Partial<Record<ReadModelName, Record<string, unknown>[]>>;
  lags: ProjectionLag[];
  rebuilds: Partial<Record<ReadModelName, RebuildState>>;
  /** growOrder's progress per stream. */
  grows: Record<string, GrowState>;
  /** Snapshot versions seen per stream this session (the stream list only says the newest). */
  snapshotsSeen: Record<string, number[]>;
  /** The newest version an 'appended' event reported per stream: ahead of the polled list. */
  appendedTo: Record<string, number>;
  conflicts: ConflictNote[];
}

const KEEP_CONFLICTS = 20;
const KEEP_SNAPSHOTS = 1000;

export function initialEsData(): EsData {
  const process = (): EsProcessState => ({ status: 'starting', crashedAt: null, armed: null });
  return {
    processes: { orders: process(), bank: process(), query: process() },
    streams: [],
    readModels: {},
    lags: [],
    rebuilds: {},
    grows: {},
    snapshotsSeen: {},
    appendedTo: {},
    conflicts: [],
    ...initialPageData(),
  };
}

function applyOne(s: EsData, e: EsEvent, now: number): EsData {
  if (unshownOnPage(e)) return s;
  switch (e.kind) {
    case 'process':
      return { ...s, processes: { ...s.processes, [e.process]: afterStatus(s.processes[e.process], e) } };
    case 'crashed':
      return {
        ...s,
        processes: { ...s.processes, [e.process]: { status: 'crashed', crashedAt: e.point, armed: null } },
      };
    case 'appended': {
      if (!e.events.length) return s;
      const appendedTo = { ...s.appendedTo };
      for (const ev of e.events) appendedTo[ev.stream] = Math.max(appendedTo[ev.stream] ?? 0, ev.version);
      return { ...s, appendedTo };
    }
    case 'snapshot': {
      const seen = s.snapshotsSeen[e.stream] ?? [];
      if (seen.includes(e.version)) return s;
      return {
        ...s,
        snapshotsSeen: { ...s.snapshotsSeen, [e.stream]: [...seen, e.version].slice(-KEEP_SNAPSHOTS) },
      };
    }
    case 'conflict': {
      const note = { seq: s.seq + 1, stream: e.stream, message: e.message };
      return { ...s, seq: note.seq, conflicts: [note, ...s.conflicts].slice(0, KEEP_CONFLICTS) };
    }
    case 'rebuild-progress':
      return {
        ...s,
        rebuilds: { ...s.rebuilds, [e.name]: { done: e.done, total: e.total, finished: e.finished } },
      };
    case 'anomalies':
      return { ...s, ...afterCheck(e, now) };
    case 'error':
      return { ...s, ...afterError(s, e) };
    case 'grow-progress':
      return {
        ...s,
        grows: { ...s.grows, [e.stream]: { done: e.done, total: e.total, version: e.version } },
        appendedTo: { ...s.appendedTo, [e.stream]: Math.max(s.appendedTo[e.stream] ?? 0, e.version) },
      };
    // The history's facts (the query service's commits): the page polls its read models instead.
    case 'projected':
    case 'query-commit':
      return s;
  }
}

/** Folds a batch of events into the state; returns the same object when nothing changed. */
export function applyEsEvents(state: EsData, events: readonly EsEvent[], now: number): EsData {
  return events.reduce((s, e) => applyOne(s, e, now), state);
}

/** Events after which the polled views are stale: poll again soon rather than at the next tick. */
export function wantsPoll(events: readonly EsEvent[]): boolean {
  return events.some(
    (e) =>
      e.kind === 'appended' ||
      e.kind === 'projected' ||
      e.kind === 'snapshot' ||
      e.kind === 'grow-progress' ||
      (e.kind === 'rebuild-progress' && e.finished) ||
      e.kind === 'process',
  );
}

/** Which polled views a batch of events made stale. */
export function staleness(events: readonly EsEvent[]): { streams: boolean; models: boolean } {
  let streams = false;
  let models = false;
  for (const e of events) {
    if (e.kind === 'appended' || e.kind === 'snapshot' || e.kind === 'grow-progress' || e.kind === 'process')
      streams = true;
    if (e.kind === 'projected' || e.kind === 'rebuild-progress' || e.kind === 'process') models = true;
  }
  return { streams, models };
}

/** A stream's version as best known: the polled list, or a newer append. */
export function streamVersion(s: Pick<EsData, 'streams' | 'appendedTo'>, id: string): number {
  const polled = s.streams.find((x) => x.id === id)?.version ?? 0;
  return Math.max(polled, s.appendedTo[id] ?? 0);
}
