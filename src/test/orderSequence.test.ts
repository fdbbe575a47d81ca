import { beforeAll, describe, expect, it } from 'vitest';
import { orderSequence, orderThreads, type SequenceRow } from '../core/history/orderSequence';
import type { Fact } from '../core/telemetry';
import type { RecordedFact } from '../runtime/historyReads';
import { recordedShopRun } from './recordedShopRun';
import { CRASH_AND_DUPLICATE } from './sampleRuns';

const line = (r: SequenceRow) => `${r.kind} ${r.lane}${r.to ? `→${r.to}` : ''} ${r.text}`;

describe("one order's message sequence, from a run's recorded facts", () => {
  let facts: RecordedFact<Fact>[];
  beforeAll(async () => {
    facts = await recordedShopRun(CRASH_AND_DUPLICATE);
  });

  it('finds every order the run placed, by correlation id, with its order id', () => {
    const threads = orderThreads(facts);
    expect(threads).toHaveLength(CRASH_AND_DUPLICATE.orders);
    for (const t of threads) {
      expect(t.orderId).toMatch(/^o-/);
      expect(t.type).toBe('OrderCreated');
    }
  });

  it('lays out the first order in causal order: its transactions, publishes, deliveries and acks', () => {
    const first = orderThreads(facts)[0];
    const sequence = orderSequence(facts, first.orderId)!;
    expect(sequence.thread.correlation).toBe(first.correlation);
    expect(sequence.lanes).toEqual(['order', 'payment', 'inventory', 'shipping', 'broker']);
    const lines = sequence.rows.filter((r) => !r.ignored).map(line);
    const at = (text: string) => {
      const i = lines.indexOf(text);
      expect(i, `${text} in\n${lines.join('\n')}`).toBeGreaterThan(-1);
      return i;
    };
    // The order's own transaction, then each hop of the choreography, each after what caused it.
    const chain = [
      'transaction order orders put · outbox +1',
      'publish order→broker OrderCreated',
      'delivery broker→payment OrderCreated',
      'transaction payment customers put · payments put · inbox +1 · outbox +1',
      'publish payment→broker PaymentCompleted',
      'delivery broker→inventory PaymentCompleted',
      'publish inventory→broker InventoryReserved',
      'delivery broker→shipping InventoryReserved',
      'publish shipping→broker ShipmentScheduled',
      'delivery broker→order ShipmentScheduled',
      'transaction order orders put · inbox +1',
    ];
    const positions = chain.map(at);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Every message is acked by its consumer after it was delivered.
    expect(at('ack inventory→broker PaymentCompleted')).toBeGreaterThan(
      at('delivery broker→inventory PaymentCompleted'),
    );
    // Rows are in time order, each with the step it happened in.
    const times = sequence.rows.map((r) => r.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(sequence.rows.every((r) => typeof r.step === 'number')).toBe(true);
  });

  it('marks the crash across its lane, the restart, the redelivery and the injected duplicate', () => {
    const sequence = orderSequence(facts, orderThreads(facts)[0].correlation)!;
    const rows = sequence.rows;
    const crash = rows.findIndex((r) => r.kind === 'crash');
    expect(rows[crash]).toMatchObject({
      lane: 'payment',
      text: 'payment crashed',
      detail: 'consumer-after-commit-before-ack',
    });
    // The payment committed its handling of OrderCreated, then died before the ack.
    expect(line(rows[crash - 1])).toBe(
      'transaction payment customers put · payments put · inbox +1 · outbox +1',
    );
    const restart = rows.findIndex((r) => r.kind === 'restart');
    expect(restart).toBeGreaterThan(crash);
    expect(rows[restart].lane).toBe('payment');
    const duplicates = rows.filter((r) => r.kind === 'duplicate');
    expect(duplicates.map((r) => `${r.to} ${r.text}: ${r.detail}`)).toEqual([
      'inventory PaymentCompleted again: duplicate: skipped by inbox',
      "payment OrderCreated again: redelivered after payment's crash (handled, not acked): duplicate skipped by inbox",
    ]);
    // The redelivered message is acked only after the redelivery.
    const ack = rows.findIndex((r) => r.kind === 'ack' && r.lane === 'payment' && r.text === 'OrderCreated');
    expect(ack).toBeGreaterThan(rows.indexOf(duplicates[1]));
  });

  it('puts a crash after what its step committed, also when the conductor heard of it before the last commit arrived', () => {
    const crash = facts.findIndex((f) => f.fact.kind === 'crashed');
    const heardFirst = [...facts];
    const [crashed] = heardFirst.splice(crash, 1);
    heardFirst.splice(crash - 1, 0, crashed); // as the browser records it: the crash, then the worker's last batch
    expect(heardFirst[crash].at).toBe(crashed.at);
    const rows = orderSequence(heardFirst, orderThreads(heardFirst)[0].correlation)!.rows;
    const at = rows.findIndex((r) => r.kind === 'crash');
    expect(line(rows[at - 1])).toBe(
      'transaction payment customers put · payments put · inbox +1 · outbox +1',
    );
  });

  it("another order's sequence holds none of the first order's messages", () => {
    const [a, b] = orderThreads(facts);
    const ids = (c: string) =>
      new Set(orderSequence(facts, c)!.rows.flatMap((r) => (r.messageId ? [r.messageId] : [])));
    const first = ids(a.correlation);
    for (const id of ids(b.correlation)) expect(first.has(id)).toBe(false);
    expect(orderSequence(facts, 'no-such-order')).toBeNull();
  });
});
