// The consuming side of a service: takes deliveries from the broker in
// partition order, skips messages its inbox has already seen, runs the
// handler with its inbox row in one transaction, and only then acknowledges.
// A handler that throws is nacked; the broker retries it, then dead-letters it.

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

  start(): void {
    const { def, broker } = this.deps;
    broker.subscribe(def.name, def.consumes, (delivery) => this.enqueue(delivery));
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

  private async process(delivery: Delivery): Promise<void> {
    const { clock, config, crash } = this.deps;
    if (crash.dead || !delivery.records.length) return;
    const key = `${delivery.topic}#${delivery.partition}`;
    const expected = this.expected.get(key);
    if (expected !== undefined && delivery.records[0].offset > expected) return;
    const { delayMs, batchSize } = config().consumer;
    if (delayMs) await clock.sleep(delayMs / this.deps.speed());
    for (let i = 0; i < delivery.records.length; i += batchSize) {
      const chunk = delivery.records.slice(i, i + batchSize);
      const handled = await this.handleChunk(chunk);
      if (handled > 0) {
        crash.at('consumer-after-commit-before-ack');
        this.deps.broker.ack(delivery.group, delivery.topic, delivery.partition, chunk[handled - 1].offset);
        this.expected.set(key, chunk[handled - 1].offset + 1);
      }
      if (handled < chunk.length) {
        const failed = chunk[handled];
        this.expected.set(key, failed.offset);
        return;
      }
    }
  }

  /** Handles a chunk in one transaction; if it fails, one record at a time. Returns how many succeeded in order. */
  private async handleChunk(chunk: LogRecord[]): Promise<number> {
    try {
      await this.commit(chunk);
      return chunk.length;
    } catch (error) {
      if (isCrash(error)) throw error;
      if (chunk.length === 1) {
        this.fail(chunk[0], error);
        return 0;
      }
    }
    for (let i = 0; i < chunk.length; i++) {
      try {
        await this.commit([chunk[i]]);
      } catch (error) {
        if (isCrash(error)) throw error;
        this.fail(chunk[i], error);
        return i;
      }
    }
    return chunk.length;
  }

  private fail(record: LogRecord, error: unknown): void {
    this.deps.crash.assertAlive();
    const message = error instanceof Error ? error.message : String(error);
    this.deps.onFailed(record, message);
    this.deps.broker.nack(this.deps.def.name, record.topic, record.partition, record.offset, message);
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
