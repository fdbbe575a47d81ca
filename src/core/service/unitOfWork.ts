// One local transaction of a service: the business writes a handler makes, the
// outbox rows it emits and (for a delivered message) its inbox row all commit
// together, or — if anything throws — none of them do.

import type { Dexie } from 'dexie';
import type { CloudEvent } from '../envelope';
import type { OutboxRow } from '../rows';
import type { CrashSwitch } from '../crash';
import type { HandlerContext, ServiceConfig, ServiceDefinition } from './definition';
import type { ReferenceCache } from './referenceCache';
import type { RowKey } from './readAhead';

export interface UnitDeps {
  db: Dexie;
  def: ServiceDefinition;
  config: () => ServiceConfig;
  crash: CrashSwitch;
  now: () => number;
  simNow: () => number;
  /** Dual write only: sends events straight to the broker after the commit. */
  publishDirect: (rows: OutboxRow[]) => Promise<void>;
  newId: (prefix: string) => string;
  reference: ReferenceCache;
  /** Inside a transaction: fetches rows the work will read, all at once (readAhead.ts). */
  readAhead?: (keys: RowKey[]) => void;
  /**
   * A write another part of the service owes and lets ride this transaction (the relay's record of what it
   * published, DeferredRecord): made inside it, told after whether it committed.
   */
  carry?: () => Promise<CarriedWrite | null>;
}

export interface CarriedWrite {
  committed(): void;
  failed(): void;
}

export class Unit {
  readonly emitted: OutboxRow[] = [];
  readonly now: number;

  constructor(private readonly deps: UnitDeps) {
    this.now = deps.now();
  }

  /** A handler's view of this unit; events it emits are caused by `cause`. */
  context(cause?: CloudEvent, attempt = 1): HandlerContext {
    const { db, def, newId } = this.deps;
    return {
      now: this.now,
      simNow: this.deps.simNow(),
      attempt,
      config: this.deps.config(),
      table: (name) => db.table(name),
      reference: (table, key) => this.deps.reference.get(table, key),
      newId,
      emit: (type, aggregateid, payload, aggregatetype = def.aggregateType) => {
        const id = newId('evt');
        this.emitted.push({
          id,
          aggregatetype,
          aggregateid,
          type,
          payload,
          correlationid: cause?.correlationid ?? id,
          causationid: cause?.id ?? id,
          created_at: this.now,
          published_at: null,
        });
      },
    };
  }
}

/**
 * Runs `work` in one read-write transaction over every table of the service.
 * Returns what it returned and how many outbox rows it committed.
 */
export async function inTransaction<T>(
  deps: UnitDeps,
  work: (unit: Unit) => Promise<T>,
): Promise<{ value: T; emitted: number }> {
  const { db, crash } = deps;
  const unit = new Unit(deps);
  const outbox = deps.config().publishing === 'outbox';
  let carried: CarriedWrite | null = null;
  let value: T;
  try {
    value = await db.transaction('rw', db.tables, async () => {
      const result = await work(unit);
      if (outbox && unit.emitted.length) await db.table('outbox').bulkAdd(unit.emitted);
      carried = (await deps.carry?.()) ?? null;
      crash.at('before-commit');
      return result;
    });
  } catch (error) {
    (carried as CarriedWrite | null)?.failed();
    throw error;
  }
  (carried as CarriedWrite | null)?.committed();
  if (unit.emitted.length) crash.at('after-commit-before-publish');
  if (outbox || !unit.emitted.length) return { value, emitted: unit.emitted.length };
  // Dual write: the database said yes; whether the broker hears of it is a separate bet.
  await deps.publishDirect(unit.emitted);
  return { value, emitted: 0 };
}
