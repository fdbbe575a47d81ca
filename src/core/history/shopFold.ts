// The shop's facts folded into its databases: every service's tables (from
// its full reads and commits) and the broker's log, topics and offsets (from
// its own), and the snapshot() shape rebuilt from them. Pure.

import type { BrokerDump } from '../broker/brokerOperations';
import type { OffsetRow, TopicRow } from '../broker/brokerDb';
import type { ServiceName, TableDump } from '../rows';
import { COMMON_TABLES } from '../service/serviceDb';
import { withPublished } from '../service/outboxWatermark';
import { SERVICES } from '../services';
import type { BrokerStats, Fact } from '../telemetry';
import type { HistoryFold } from './factHistory';
import { logFigures } from './logFigures';
import { keysOf, type KeyOf } from './schemaKeys';
import { lazyProperties, TablesMirror } from './tablesMirror';

export interface ShopState {
  dbs: TablesMirror;
  /** The broker's live view as last reported: memory, not state (the state hash leaves it out too). */
  live: BrokerStats | null;
}

export interface ShopMoment {
  services: Partial<Record<ServiceName, TableDump>>;
  broker: BrokerDump;
}

const BROKER_TABLES = {
  log: '[topic+partition+offset]',
  topics: 'name',
  offsets: '[group+topic+partition]',
  attempts: '[group+topic+partition+offset]',
};

export const shopKeys: Record<string, KeyOf> = {
  broker: keysOf(BROKER_TABLES),
  ...Object.fromEntries(
    Object.values(SERVICES).map((def) => [def.name, keysOf({ ...def.tables, ...COMMON_TABLES })]),
  ),
};

export const EMPTY_BROKER_STATS: BrokerStats = { partitions: [], groups: [], deadLetters: 0, paused: false };

export const shopFold: HistoryFold<Fact, ShopState> = {
  empty: () => ({ dbs: new TablesMirror(), live: null }),
  clone: (s) => ({ dbs: s.dbs.clone(), live: s.live }),
  compact: (s) => ({ dbs: s.dbs.flatten(), live: s.live }),
  letGo: (s) => s.dbs.letGoOldest(),
  apply(s, fact) {
    switch (fact.kind) {
      case 'hydrate':
        return s.dbs.hydrate(fact.service, fact.tables, shopKeys[fact.service]);
      case 'commit':
        return s.dbs.commit(fact.service, fact.changes);
      case 'broker-hydrate':
        return s.dbs.hydrate('broker', fact.tables, shopKeys.broker);
      case 'broker-commit':
        return s.dbs.commit('broker', fact.changes);
      case 'broker':
        s.live = fact.stats;
    }
  },
};

/**
 * The moment in snapshot()'s shape: the run's services' tables as dumpTables reads them (outbox rows' published_at
 * derived from the watermark the moment holds, as a database read would), and the broker's dump, as dumpBroker
 * reads it. Each table and the broker's dump are read off the folded state when first asked for: a busy run's
 * checks read three tables, and a minute of heavy traffic folds tens of thousands of rows into the others.
 */
export function shopMoment(s: ShopState, services: readonly ServiceName[]): ShopMoment {
  const moment = { services: Object.fromEntries(services.map((name) => [name, publishedDump(s, name)])) };
  return lazyProperties(moment, ['broker'], () => brokerDumpOf(s)) as ShopMoment;
}

/** A service's tables, its outbox rows' published_at derived from the watermark in its meta table (withPublished). */
function publishedDump(s: ShopState, service: ServiceName): TableDump {
  return s.dbs.lazyDump(service, (table) =>
    table === 'outbox'
      ? withPublished({ meta: s.dbs.rows(service, 'meta'), outbox: s.dbs.rows(service, 'outbox') }).outbox
      : s.dbs.rows(service, table),
  );
}

function brokerDumpOf(s: ShopState): BrokerDump {
  const topicRows = s.dbs.rows('broker', 'topics') as unknown as TopicRow[];
  const log = logFigures(s.dbs);
  const subjects = Object.fromEntries([...log.topics].map(([name, t]) => [name, [...t.subjects]]));
  const topics = topicRows.map((t) => ({
    name: t.name,
    partitions: Array.from({ length: t.partitions }, (_, partition) => {
      const p = log.topics.get(t.name)?.partitions.get(partition);
      return { partition, endOffset: p ? p.last + 1 : 0, records: p?.records ?? 0 };
    }),
  }));
  const prunedUntil = Object.fromEntries(
    topicRows.flatMap((t) => (t.prunedUntil === undefined ? [] : [[t.name, t.prunedUntil]])),
  );
  return {
    topics,
    offsets: s.dbs.rows('broker', 'offsets') as unknown as OffsetRow[],
    deadLetters: log.deadLetters,
    subjects,
    live: s.live ?? EMPTY_BROKER_STATS,
    prunedUntil,
  };
}
