// The consuming side of a service: takes deliveries from the broker in
// partition order, skips messages its inbox has already seen, runs the
// handler with its inbox row in one transaction, and only then acknowledges.
// A handler that throws is nacked; the broker retries it, then dead-letters it.

import { topicUnder } from './topics';
import type { Clock } from '../clock';
import type { LogRecord } from '../envelope';
import type { InboxRow, MetaRow } from '../rows';
import type { CrashSwitch } from '../crash';
import { isCrash } from '../crash';
import type { BrokerClient, Delivery } from '../broker/brokerClient';
import type { ServiceConfig, ServiceDefinition } from './definition';
import { inTransaction, type UnitDeps } from './unitOfWork';

export interface ConsumerDeps extends UnitDeps {
  broker: BrokerClient;
  clock: Clock;
  crash: CrashSwitch;
  def: ServiceDefinition;
  config: () => ServiceConfig;
  speed: () => number;
  onCommitted: (outcome: { emitted: number; duplicates: LogRecord[] }) => void;
  onFailed: (record: LogRecord, error: string) => void;
}

export const DUPLICATES_KEY = 'duplicatesSkipped';

export class Consumer {
  /** Deliveries waiting or being handled. */
  busy = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Per partition, the offset we expect next; a delivery past it is stale pipelining after a nack. */
  private readonly expected = new Map<string, number>();

  constructor(private readonly deps: ConsumerDeps) {}

  /** Joins the service's consumer group (in a deterministic run, resolves once the broker has it). */
  start(): Promise<void> {
    const { def, broker, config } = this.deps;
    // Definitions name topics the polling way; a log-tailing run's relays publish under Debezium's names.
    const topics = def.consumes.map((topic) => topicUnder(topic, config().relay.mode));
    return broker.subscribe(def.name, topics, (delivery) => this.enqueue(delivery));
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
    this.queue = this.queue
      .then(() => this.process(delivery))
      .catch((error) => {
        if (!isCrash(error)) throw error;
      })
      .finally(() => this.busy--);
  }

  /** `paced`: live runs wait the teaching pause first; a deterministic step never sleeps. */
  private async process(delivery: Delivery, paced = true): Promise<void> {
    const { clock, config, crash } = this.deps;
    if (crash.dead || !delivery.records.length) return;
    const key = `${delivery.topic}#${delivery.partition}`;
    const expected = this.expected.get(key);
    if (expected !== undefined && delivery.records[0].offset > expected) return;
    const { delayMs, batchSize } = config().consumer;
    if (delayMs && paced) await clock.sleep(delayMs / this.deps.speed());
    for (let i = 0; i < delivery.records.length; i += batchSize) {
      const chunk = delivery.records.slice(i, i + batchSize);
      const failures = new Map<LogRecord, string>();
      const handled = await this.handleChunk(chunk, failures);
      if (handled > 0) {
        crash.at('consumer-after-commit-before-ack');
        await this.deps.broker.ack(delivery.group, delivery.topic, delivery.partition, chunk[handled - 1].offset);
        this.expected.set(key, chunk[handled - 1].offset + 1);
      }
      if (handled < chunk.length) {
        const failed = chunk[handled];
        this.expected.set(key, failed.offset);
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

  private async commit(records: LogRecord[]): Promise<void> {
    const { def, config } = this.deps;
    const duplicates: LogRecord[] = [];
    const { emitted } = await inTransaction(this.deps, async (unit) => {
      const inbox = unit.context().table<InboxRow>('inbox');
      const useInbox = config().inbox;
      for (const record of records) {
        const event = record.event;
        if (useInbox && (await inbox.get(event.id))) {
          duplicates.push(record);
          continue;
        }
        const handler = def.handlers[event.type] ?? def.fallback;
        const result = handler ? await handler(unit.context(event, record.attempt ?? 1), event) : `ignored: ${def.name} does not handle ${event.type}`;
        if (useInbox) await inbox.add({ message_id: event.id, processed_at: unit.now, result, type: event.type });
      }
      if (duplicates.length) {
        const meta = unit.context().table<MetaRow>('meta');
        const count = (await meta.get(DUPLICATES_KEY))?.value ?? 0;
        await meta.put({ key: DUPLICATES_KEY, value: count + duplicates.length });
      }
    });
    this.deps.onCommitted({ emitted, duplicates });
  }
}
