// The consuming side of a service: takes deliveries from the broker in
// partition order, runs each message's handler with its inbox row in one
// transaction, and only then acknowledges. The inbox's message ids are unique
// (inboxStore.ts), so the insert itself refuses a message handled before: that
// transaction is rolled back and the message counted as a duplicate instead. A
// message of a type the service has no handler for costs it nothing but the ack.
// A handler that throws is nacked; the broker retries it, then dead-letters it.
// Under load (no teaching pause), every delivery waiting at that moment is
// handled in one transaction — its messages' inbox rows stored in one record —
// and acknowledged per partition afterwards; if that transaction fails, the
// deliveries are taken again one by one, so only the failing message is nacked.

import { topicUnder } from './topics';
import type { Clock } from '../clock';
import type { LogRecord } from '../envelope';
import type { InboxRow, MetaRow } from '../rows';
import type { CrashSwitch } from '../crash';
import { isCrash } from '../crash';
import type { BrokerPort, Delivery } from '../broker/brokerPort';
import type { ServiceConfig, ServiceDefinition } from './definition';
import { inTransaction, type UnitDeps } from './unitOfWork';
import { CompanyWait } from '../companyWait';
import { addToInbox, AlreadyInInbox, INBOX_BATCHES, inboxHolds, type InboxBatch } from './inboxStore';

export interface ConsumerDeps extends UnitDeps {
  broker: BrokerPort;
  clock: Clock;
  crash: CrashSwitch;
  def: ServiceDefinition;
  config: () => ServiceConfig;
  speed: () => number;
  onCommitted: (outcome: { emitted: number; duplicates: LogRecord[] }) => void;
  onFailed: (record: LogRecord, error: string) => void;
}

export const DUPLICATES_KEY = 'duplicatesSkipped';

/** A partition's last offset handled in a batch: what to acknowledge once it committed. */
interface Ack {
  group: string;
  topic: string;
  partition: number;
  offset: number;
}

const partitionKey = (d: { topic: string; partition: number }) => `${d.topic}#${d.partition}`;

export class Consumer {
  /** Deliveries waiting or being handled. */
  busy = 0;
  private readonly waiting: Delivery[] = [];
  private draining = false;
  /**
   * Per partition, the offset a nack asked the broker to deliver again: a delivery that starts past it was sent
   * before the broker rewound (stale pipelining) and is dropped until the redelivery comes. Outside of that, a
   * delivery may start past the last offset handled: the broker does not hand over types this service does not take.
   */
  private readonly resumeAt = new Map<string, number>();
  private readonly company = new CompanyWait();

  constructor(private readonly deps: ConsumerDeps) {}

  /** Joins the service's consumer group (in a deterministic run, resolves once the broker has it). */
  start(): Promise<void> {
    const { def, broker, config } = this.deps;
    // Definitions name topics the polling way; a log-tailing run's relays publish under Debezium's names.
    const topics = def.consumes.map((topic) => topicUnder(topic, config().relay.mode));
    // A service with a fallback takes every type; otherwise the broker need not hand over what no handler takes.
    const types = def.fallback ? undefined : Object.keys(def.handlers);
    return broker.subscribe(def.name, topics, (delivery) => this.enqueue(delivery), types);
  }

  /**
   * A deterministic run's delivery step: fetch up to `max` records of one partition and handle them
   * (twice if a duplicate fault says so). Returns what happened, for the run's trace.
   */
  async consumeOnce(topic: string, partition: number, max: number): Promise<string> {
    const { broker, def } = this.deps;
    const batch = await broker.fetch(def.name, topic, partition, max);
    if (batch.heldBack) return 'held back by a delay fault';
    if (!batch.records.length) return 'nothing to fetch';
    const delivery = { group: def.name, topic, partition, records: batch.records };
    this.busy++;
    try {
      await this.process(delivery, false);
      if (batch.duplicate) await this.process(delivery, false);
    } finally {
      this.busy--;
    }
    const ids = batch.records.map((r) => `${r.offset}:${r.event.type}:${r.event.id}`).join(',');
    return `${ids}${batch.duplicate ? ' twice' : ''}`;
  }

  private enqueue(delivery: Delivery): void {
    this.busy++;
    this.company.arrived(this.deps.clock.now());
    this.waiting.push(delivery);
    if (!this.draining) void this.drain();
  }

  /** Handles what waits, in arrival order, until nothing does. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.waiting.length && !this.deps.crash.dead) {
        const { delayMs, batchSize } = this.deps.config().consumer;
        // Teaching pace: one delivery at a time, each after its pause, so people can watch it wait.
        const one = delayMs > 0 || batchSize <= 1;
        if (!one && this.waiting.length < batchSize) await this.waitForCompany();
        const group = one ? this.waiting.splice(0, 1) : this.takeGroup(batchSize);
        this.company.taken();
        try {
          if (group.length === 1) await this.process(group[0]);
          else await this.processGroup(group);
        } finally {
          this.busy -= group.length;
        }
      }
    } catch (error) {
      if (!this.deps.crash.endedBy(error)) throw error;
    } finally {
      this.draining = false;
    }
  }

  /** Deliveries arriving often: what comes while the first lingers shares its transaction (CompanyWait). */
  private async waitForCompany(): Promise<void> {
    const { clock } = this.deps;
    const ms = this.company.waitMs(clock.now());
    if (ms > 0) await clock.sleep(ms);
  }

  /** Whole deliveries from the front of the queue, up to `maxRecords` records (always at least one delivery). */
  private takeGroup(maxRecords: number): Delivery[] {
    let records = this.waiting[0].records.length;
    let n = 1;
    while (n < this.waiting.length && records + this.waiting[n].records.length <= maxRecords)
      records += this.waiting[n++].records.length;
    return this.waiting.splice(0, n);
  }

  /**
   * Several deliveries in one transaction. Stale ones (past a nacked offset) are dropped as in
   * `process`; each partition is acknowledged up to its last record once the transaction committed.
   */
  private async processGroup(group: Delivery[]): Promise<void> {
    const { crash, broker } = this.deps;
    if (crash.dead) return;
    const taken = new Set<string>();
    const acks = new Map<string, Ack>();
    const records: LogRecord[] = [];
    for (const delivery of group) {
      if (!delivery.records.length) continue;
      const key = partitionKey(delivery);
      const next = this.resumeAt.get(key);
      if (next !== undefined && delivery.records[0].offset > next) continue;
      records.push(...delivery.records);
      const last = delivery.records[delivery.records.length - 1].offset;
      taken.add(key);
      if ((acks.get(key)?.offset ?? -1) < last)
        acks.set(key, {
          group: delivery.group,
          topic: delivery.topic,
          partition: delivery.partition,
          offset: last,
        });
    }
    if (!records.length) return;
    try {
      await this.commit(records);
    } catch (error) {
      if (isCrash(error)) throw error;
      // Some message failed: one delivery at a time, as ever, so only the failing one is nacked.
      for (const delivery of group) await this.process(delivery, false);
      return;
    }
    crash.at('consumer-after-commit-before-ack');
    for (const ack of acks.values()) await broker.ack(ack.group, ack.topic, ack.partition, ack.offset);
    for (const key of taken) this.resumeAt.delete(key);
  }

  /** `paced`: live runs wait the teaching pause first; a deterministic step never sleeps. */
  private async process(delivery: Delivery, paced = true): Promise<void> {
    const { clock, config, crash } = this.deps;
    if (crash.dead || !delivery.records.length) return;
    const key = `${delivery.topic}#${delivery.partition}`;
    const resumeAt = this.resumeAt.get(key);
    if (resumeAt !== undefined && delivery.records[0].offset > resumeAt) return;
    const { delayMs, batchSize } = config().consumer;
    if (delayMs && paced) await clock.sleep(delayMs / this.deps.speed());
    for (let i = 0; i < delivery.records.length; i += batchSize) {
      const chunk = delivery.records.slice(i, i + batchSize);
      const failures = new Map<LogRecord, string>();
      const handled = await this.handleChunk(chunk, failures);
      if (handled > 0) {
        crash.at('consumer-after-commit-before-ack');
        await this.deps.broker.ack(
          delivery.group,
          delivery.topic,
          delivery.partition,
          chunk[handled - 1].offset,
        );
        this.resumeAt.delete(key);
      }
      if (handled < chunk.length) {
        const failed = chunk[handled];
        this.resumeAt.set(key, failed.offset);
        await this.nack(failed, failures.get(failed));
        return;
      }
    }
  }

  /**
   * Handles a chunk in one transaction; if it fails, one record at a time. Returns how many succeeded
   * in order; the first failure's error is left in `failures` for the nack.
   */
  private async handleChunk(chunk: LogRecord[], failures: Map<LogRecord, string>): Promise<number> {
    try {
      await this.commit(chunk);
      return chunk.length;
    } catch (error) {
      if (isCrash(error)) throw error;
      if (chunk.length === 1) {
        failures.set(chunk[0], this.failed(chunk[0], error));
        return 0;
      }
    }
    for (let i = 0; i < chunk.length; i++) {
      try {
        await this.commit([chunk[i]]);
      } catch (error) {
        if (isCrash(error)) throw error;
        failures.set(chunk[i], this.failed(chunk[i], error));
        return i;
      }
    }
    return chunk.length;
  }

  private failed(record: LogRecord, error: unknown): string {
    this.deps.crash.assertAlive();
    const message = error instanceof Error ? error.message : String(error);
    this.deps.onFailed(record, message);
    return message;
  }

  /** The failed record goes back to the broker only after the records before it were acknowledged. */
  private nack(record: LogRecord, message = 'handler failed'): Promise<void> {
    this.deps.crash.assertAlive();
    return this.deps.broker.nack(this.deps.def.name, record.topic, record.partition, record.offset, message);
  }

  /** Whether this service does anything with `type`: a message it has no handler for costs it no transaction. */
  private handles(type: string): boolean {
    return Boolean(this.deps.def.handlers[type] ?? this.deps.def.fallback);
  }

  /**
   * Handles `records` in one transaction. The inbox insert itself refuses a message it already holds (its message
   * ids are unique): the transaction is then rolled back and run again with that message counted as a duplicate, so
   * a redelivery costs one aborted transaction rather than every message a lookup.
   */
  private async commit(records: LogRecord[], duplicateIds = new Set<string>()): Promise<void> {
    const handled = records.filter((r) => this.handles(r.event.type));
    if (!handled.length) return;
    try {
      await this.commitOnce(handled, duplicateIds);
    } catch (error) {
      if (isCrash(error)) throw error;
      if (error instanceof AlreadyInInbox)
        return this.commit(handled, new Set([...duplicateIds, ...error.ids]));
      // A handler that threw on a message the inbox already holds (a redelivery): a duplicate, not a failure.
      const only = handled.length === 1 ? handled[0].event.id : null;
      if (only && !duplicateIds.has(only) && (await this.inboxHolds(only)))
        return this.commit(handled, new Set([only]));
      throw error;
    }
  }

  private async inboxHolds(messageId: string): Promise<boolean> {
    if (!this.deps.config().inbox) return false;
    return inboxHolds(this.deps.db.table<InboxBatch>(INBOX_BATCHES), messageId);
  }

  /** The rows the batch's handlers will read by key, fetched together before the first handler runs. */
  private readAhead(records: LogRecord[], duplicateIds: Set<string>): void {
    const { def, readAhead } = this.deps;
    if (!readAhead || !def.readAhead) return;
    const keys = records
      .filter((r) => !duplicateIds.has(r.event.id))
      .flatMap((r) => {
        try {
          return def.readAhead![r.event.type]?.(r.event) ?? [];
        } catch {
          // A malformed message: its handler will say what is wrong with it.
          return [];
        }
      });
    if (keys.length) readAhead(keys);
  }

  private async commitOnce(records: LogRecord[], duplicateIds: Set<string>): Promise<void> {
    const { def, config } = this.deps;
    const duplicates: LogRecord[] = [];
    const { emitted } = await inTransaction(this.deps, async (unit) => {
      const inbox = unit.context().table<InboxBatch>(INBOX_BATCHES);
      const useInbox = config().inbox;
      // `handled` catches a message that comes twice within the batch.
      const handled = new Set<string>();
      const rows: InboxRow[] = [];
      this.readAhead(records, duplicateIds);
      for (const record of records) {
        const event = record.event;
        if (useInbox && (duplicateIds.has(event.id) || handled.has(event.id))) {
          duplicates.push(record);
          continue;
        }
        const handler = (def.handlers[event.type] ?? def.fallback)!;
        const result = await handler(unit.context(event, record.attempt ?? 1), event);
        if (useInbox) {
          handled.add(event.id);
          rows.push({ message_id: event.id, processed_at: unit.now, result, type: event.type });
        }
      }
      // Every message's inbox row in one record, in the handlers' transaction, refused if any is there already.
      if (rows.length) await addToInbox(inbox, rows);
      if (duplicates.length) {
        const meta = unit.context().table<MetaRow>('meta');
        const count = (await meta.get(DUPLICATES_KEY))?.value ?? 0;
        await meta.put({ key: DUPLICATES_KEY, value: count + duplicates.length });
      }
    });
    this.deps.onCommitted({ emitted, duplicates });
  }
}
