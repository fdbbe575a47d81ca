// The CDC run's vocabulary (topology 'cdc'): its processes, the crash points
// each can reach, what the connector reports about itself, and the facts its
// workers send. Types and constants only; the runtime's CdcController re-exports them.

import type { CrashPoint } from '../crashPoints';
import type { Change } from '../telemetry';
import type { ConnectorPosition } from './positionStore';

/**
 * listings: the legacy service — it writes its own table and publishes nothing.
 * connector: tails listings' change log and publishes change events (its own worker and database).
 * query: keeps the search read model, fed only by those change events.
 */
export type CdcProcess = 'listings' | 'connector' | 'query';
export const CDC_PROCESSES: readonly CdcProcess[] = ['listings', 'connector', 'query'];

/** The crash points each process can reach, so a picker offers only ones that can fire. */
export const CDC_CRASH_POINTS: Record<CdcProcess, readonly CrashPoint[]> = {
  listings: ['before-commit'],
  connector: ['cdc-after-publish-before-position', 'cdc-during-snapshot'],
  query: ['consumer-after-commit-before-ack'],
};

/** A listing as the legacy service stores it: normalised, one row per listing. */
export interface ListingRow {
  id: string;
  title: string;
  city: string;
  /** Per night, whole dollars. */
  price: number;
  /** Free-text words a guest might search for. */
  amenities: string[];
  updated_at: number;
}

/** A write the legacy service can make to its own table (the CdcController's `write` takes these). */
export type ListingWrite =
  | { op: 'create'; listing?: Partial<Omit<ListingRow, 'updated_at'>> }
  | { op: 'update'; id: string; changes: Partial<Omit<ListingRow, 'id' | 'updated_at'>> }
  | { op: 'delete'; id: string };

/** A search document as the query service keeps it: denormalised for lookups by word and city. */
export interface SearchDocRow {
  id: string;
  title: string;
  city: string;
  price: number;
  /** Lower-case words of title, city and amenities: what a search matches. */
  words: string[];
  /** The change-log sequence this document reflects: an older change is never applied over a newer one. */
  sourceSeq: number;
}

/** Where the connector stands in one source's change log. */
export interface ConnectorSourceState {
  service: string;
  position: ConnectorPosition;
  /** The newest sequence in the source's log. */
  head: number;
  /** Changes in the log the connector has not published: head − position.seq. */
  lag: number;
}

export interface ConnectorState {
  sources: ConnectorSourceState[];
  published: number;
  /** Change events published again after a restart (their position had not been stored). */
  duplicates: number;
  snapshotRows: number;
  warnings: number;
}

/** What the query service has done with the change events delivered to it. */
export interface SearchStats {
  /** Change events applied to the read model. */
  applied: number;
  /** Skipped: the same change again (a republish or a redelivery), at the sequence the document already has. */
  duplicates: number;
  /** Skipped: an older change arriving after a newer one (or after the listing's delete). */
  stale: number;
  /** Deliveries received and not yet committed and acknowledged. */
  busy: number;
}

/** What CDC workers report over telemetry, besides the commit facts every database sends. */
export type CdcFact =
  | {
      kind: 'cdc-published';
      service: string;
      topics: string[];
      count: number;
      duplicates: number;
      seq: number;
    }
  | { kind: 'cdc-snapshot'; service: string; rows: number; seq: number; done: boolean }
  | { kind: 'cdc-warning'; service: string; warning: string }
  /** The connector after it stored a position: where it stands in each log, and its totals. */
  | { kind: 'cdc-connector'; state: ConnectorState }
  /** The query service committed a batch of change events: `applied`, `duplicates` and `stale` are this batch's. */
  | {
      kind: 'cdc-applied';
      service: 'query';
      applied: number;
      duplicates: number;
      stale: number;
      topic: string;
    };

/** Everything a CDC worker sends over telemetry: its facts, and each committed transaction of its database. */
export type CdcReport =
  | CdcFact
  | { kind: 'commit'; service: CdcProcess; changes: Change[] }
  /** Something went wrong that the process retries by itself (a publish the broker did not confirm, say). */
  | { kind: 'error'; code: string; message: string };
