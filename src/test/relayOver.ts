// Test code, never shipped: a polling relay over its own service database
// (real Dexie on fake-indexeddb, the real commit capture), publishing to a
// broker that only notes the event ids, on a clock the test moves.

import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import type { Dexie } from 'dexie';
import type { BrokerPort, OutgoingMessage } from '../core/broker/brokerPort';
import { withoutLiveQueries } from '../core/broker/brokerDb';
import { SteppedClock } from '../core/clock';
import { CrashSwitch } from '../core/crash';
import type { Change } from '../core/telemetry';
import { commitCapture } from '../core/service/commitCapture';
import type { ServiceConfig } from '../core/service/definition';
import { OutboxRelay } from '../core/service/relay';
import { openServiceDb } from '../core/service/serviceDb';

export interface RelayOverOptions {
  config: () => ServiceConfig;
  /** What each committed transaction reported, after the relay described its own writes. */
  onCommit?: (changes: Change[], relay: OutboxRelay) => void;
  handsCommits?: boolean;
}

export function relayOver(runId: string, track: (db: Dexie) => void, options: RelayOverOptions) {
  const published: string[] = [];
  const clock = new SteppedClock();
  const db = openServiceDb(runId, 'order', {}, withoutLiveQueries({ indexedDB, IDBKeyRange }));
  db.use(
    commitCapture(
      (changes) => options.onCommit?.(changes, relay),
      // Asked only once the relay writes, by when it is made.
      (change) => relay.describe(change),
    ),
  );
  track(db);
  const broker = {
    publish: async (messages: OutgoingMessage[]) => {
      published.push(...messages.map((m) => m.event.id));
      return messages.map((_, i) => i);
    },
  } as unknown as BrokerPort;
  const crash = new CrashSwitch(() => undefined);
  const relay: OutboxRelay = new OutboxRelay({
    service: 'order',
    db,
    broker,
    clock,
    crash,
    config: options.config,
    speed: () => 1,
    onPublished: () => undefined,
    handsCommits: options.handsCommits,
  });
  return { db, relay, clock, crash, published };
}
