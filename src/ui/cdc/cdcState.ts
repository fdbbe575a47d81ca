// The facts a CDC run has told the page, and the pure reducer that folds its
// events into them. Polled answers (the table, its change log, the connector's
// position, the search documents) are set as they arrive; traffic counts,
// crashes, the checker's verdict and errors come from CdcEvent.

import type { ChangeEvent } from '../../core/cdc/changeEvent';
import { isCrashPoint } from '../../core/crashPoints';
import type {
  CdcEvent,
  CdcNode,
  ConnectorState,
  ListingEventRow,
  ListingRow,
  SearchDocRow,
} from '../../runtime/cdcController';
import {
  afterCheck,
  afterError,
  afterStatus,
  initialPageData,
  unshownOnPage,
  type PageData,
  type PageError,
} from '../page/pageFacts';
import type { ProcessState } from '../store/types';

/** What the wire carried, as the workers reported it: the edges pulse when these grow. */
export interface CdcTraffic {
  /** 'cdc-published' reports: one pulse each. */
  publishes: number;
  /** 'cdc-applied' reports: one pulse each. */
  applies: number;
  /** What the query service did with the change events delivered to it since this page opened. */
  applied: number;
  duplicatesSkipped: number;
  stale: number;
}

export type CdcError = PageError;

export interface SnapshotProgress {
  rows: number;
  done: boolean;
}

export interface CdcData extends PageData {
  processes: Record<CdcNode, ProcessState>;
  /** null until first read. */
  listings: ListingRow[] | null;
  /** The listings service's change log, oldest first. */
  changes: ChangeEvent[];
  connector: ConnectorState | null;
  docs: SearchDocRow[] | null;
  /** The query service's history of the listings, every stream's events; null until first read. */
  history: ListingEventRow[] | null;
  snapshot: SnapshotProgress | null;
  traffic: CdcTraffic;
  warnings: string[];
}

const KEEP_WARNINGS = 20;

export const CDC_NODES: readonly CdcNode[] = ['listings', 'connector', 'broker', 'query'];

export function initialCdcData(): CdcData {
  const process = (): ProcessState => ({ status: 'starting', crashedAt: null, armed: null });
  return {
    processes: { listings: process(), connector: process(), broker: process(), query: process() },
    listings: null,
    changes: [],
    connector: null,
    docs: null,
    history: null,
    snapshot: null,
    traffic: { publishes: 0, applies: 0, applied: 0, duplicatesSkipped: 0, stale: 0 },
    warnings: [],
    ...initialPageData(),
  };
}

/** Where a process died, as the shop's nodes name it: a known crash point, else a kill by hand. */
const crashPlace = (point: string): ProcessState['crashedAt'] => (isCrashPoint(point) ? point : 'manual');

function applyOne(s: CdcData, e: CdcEvent, now: number): CdcData {
  if (unshownOnPage(e)) return s;
  switch (e.kind) {
    case 'process':
      return { ...s, processes: { ...s.processes, [e.process]: afterStatus(s.processes[e.process], e) } };
    case 'crashed':
      return {
        ...s,
        processes: {
          ...s.processes,
          [e.process]: { status: 'crashed', crashedAt: crashPlace(e.point), armed: null },
        },
      };
    case 'cdc-published':
      return { ...s, traffic: { ...s.traffic, publishes: s.traffic.publishes + 1 } };
    case 'cdc-applied': {
      const t = s.traffic;
      return {
        ...s,
        traffic: {
          ...t,
          applies: t.applies + 1,
          applied: t.applied + e.applied,
          duplicatesSkipped: t.duplicatesSkipped + e.duplicates,
          stale: t.stale + e.stale,
        },
      };
    }
    case 'cdc-snapshot':
      return { ...s, snapshot: { rows: e.rows, done: e.done } };
    case 'cdc-connector':
      return { ...s, connector: e.state };
    case 'cdc-warning':
      return { ...s, warnings: [...s.warnings, e.warning].slice(-KEEP_WARNINGS) };
    case 'anomalies':
      return { ...s, ...afterCheck(e, now) };
    case 'error':
      return { ...s, ...afterError(s, e) };
    case 'commit':
      return s;
  }
}

/** Folds a batch of events into the state; returns the same object when nothing changed. */
export function applyCdcEvents(state: CdcData, events: readonly CdcEvent[], now: number): CdcData {
  return events.reduce((s, e) => applyOne(s, e, now), state);
}

/** Which polled views a batch of events made stale. */
export interface Staleness {
  listings: boolean;
  connector: boolean;
  docs: boolean;
}

export function staleness(events: readonly CdcEvent[]): Staleness {
  const stale: Staleness = { listings: false, connector: false, docs: false };
  for (const e of events) {
    if (e.kind === 'process') stale.listings = stale.connector = stale.docs = true;
    else if (e.kind === 'commit' && e.service === 'listings') stale.listings = stale.connector = true;
    else if (e.kind === 'commit' && e.service === 'query') stale.docs = true;
    else if (e.kind === 'cdc-published' || e.kind === 'cdc-snapshot' || e.kind === 'cdc-connector')
      stale.connector = true;
    else if (e.kind === 'cdc-applied') stale.docs = true;
  }
  return stale;
}

export const anyStale = (s: Staleness) => s.listings || s.connector || s.docs;
