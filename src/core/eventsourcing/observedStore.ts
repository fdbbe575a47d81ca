// An event store that reports what it committed: every append and snapshot,
// whichever path wrote it (a command, a transfer's saga step, growOrder, a
// resumed transfer), so the UI hears of all of them from one place.

import { EventStore, type EventStoreDb, type NewEvent, type StoredEvent } from './eventStore';

export interface StoreObserver {
  appended(events: StoredEvent[]): void;
  /** `state` as saved: the history rebuilds a past moment's snapshot-based loads from it. */
  snapshotted(stream: string, version: number, state: unknown): void;
}

export class ObservedEventStore extends EventStore {
  constructor(
    db: EventStoreDb,
    now: () => number,
    private readonly observer: StoreObserver,
  ) {
    super(db, now);
  }

  override async append(stream: string, expected: number, events: NewEvent[]): Promise<StoredEvent[]> {
    const stored = await super.append(stream, expected, events);
    // Only after the transaction resolved: a refused or aborted append reports nothing.
    this.observer.appended(stored);
    return stored;
  }

  override async saveSnapshot(stream: string, version: number, state: unknown): Promise<unknown> {
    const saved = await super.saveSnapshot(stream, version, state);
    this.observer.snapshotted(stream, version, state);
    return saved;
  }
}
