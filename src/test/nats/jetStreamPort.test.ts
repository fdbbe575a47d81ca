// The JetStream port against a real nats-server (Debian's package; CI
// installs it): dedup by message id, redelivery after a nack and after a dead
// member, order through a redelivery, dead letters, offsets across a restart,
// and the fault layer over it. Each test has its own run id, so its own
// streams. No timing in the asserts: `until` waits for what must happen.

import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BrokerUnavailable } from '../../core/broker/brokerPort';
import { OUTAGE_REFUSAL, withBrokerFaults } from '../../core/broker/faultLayer';
import { BrokerFaults } from '../../core/broker/faults';
import { partitionFor } from '../../core/broker/partitioner';
import { DEAD_LETTER_TOPIC } from '../../core/broker/wire';
import type { DeadLetter } from '../../core/broker/deadLetter';
import { consumerFigures, partitionFigures } from '../../core/broker/nats/natsAdmin';
import { JetStreamPort } from '../../core/broker/nats/JetStreamPort';
import { until } from '../until';
import { event, ids, natsBinary, natsSuite, nodeWsConnect, Recorder } from './jetStreamHarness';

const TOPIC = 'order-events';
const PARTITIONS = 3;
/** Two aggregates whose records land in different partitions. */
const [A, B] = (() => {
  const a = 'order-a';
  let b = 'order-b';
  for (let i = 0; partitionFor(b, PARTITIONS) === partitionFor(a, PARTITIONS); i++) b = `order-b${i}`;
  return [a, b];
})();

describe.skipIf(!natsBinary)('JetStream port on a real nats-server', () => {
  const suite = natsSuite();

  it('drops a republish of the same event id in the duplicate window, and counts it', async () => {
    const id = suite.runId();
    const port = await suite.ports.port(id);
    // A topic with dots, as the log-tailing relay names them.
    const topic = 'outbox.event.Order';
    const [first, second] = [event(A), event(A)];
    const [offset] = await port.publish([{ topic, event: first }]);
    const again = await port.publish([
      { topic, event: first },
      { topic, event: second },
    ]);
    expect(again).toEqual([offset, offset + 1]);
    expect(port.stats()).toEqual({ published: 2, duplicatesDropped: 1, deadLettered: 0 });
    expect(suite.ports.duplicates).toEqual([[first.id, offset]]);
    const figures = await partitionFigures(port.manager, id, topic, PARTITIONS);
    expect(figures[partitionFor(A, PARTITIONS)]).toMatchObject({ messages: 2, lastSeq: offset + 1 });
    expect(figures.reduce((n, f) => n + f.messages, 0)).toBe(2);
  });

  it('delivers a nacked record again, its attempt counted', async () => {
    const id = suite.runId();
    const port = await suite.ports.port(id);
    const member = new Recorder(port, 'payment', (r) => (r.attempt === 1 ? 'nack' : 'ack'));
    await member.start([TOPIC]);
    const [offset] = await port.publish([{ topic: TOPIC, event: event(A) }]);
    await until(() => member.acked.length === 1);
    expect(member.deliveries.map((r) => [r.offset, r.attempt])).toEqual([
      [offset, 1],
      [offset, 2],
    ]);
    const figures = await consumerFigures(port.manager, id, 'payment', TOPIC, PARTITIONS);
    expect(figures[partitionFor(A, PARTITIONS)]).toMatchObject({ ackFloor: offset, numAckPending: 0 });
  });

  it('hands a killed member’s unacknowledged record to the next member, from the ack floor on', async () => {
    const id = suite.runId();
    const config = { ackWaitMs: 500 };
    const first = await suite.ports.port(id, config);
    // Acks the first record, then dies holding the second (the third waits behind it).
    let seen = 0;
    const dying = new Recorder(first, 'inventory', () => (++seen === 1 ? 'ack' : 'hold'));
    await dying.start([TOPIC]);
    const events = [event(A), event(A), event(A)];
    const offsets = await first.publish(events.map((e) => ({ topic: TOPIC, event: e })));
    await until(() => dying.deliveries.length === 2);
    await first.connection.close(); // a crash: no nak, no drain

    const nextPort = await suite.ports.port(id, config);
    const next = new Recorder(nextPort, 'inventory');
    await next.start([TOPIC]);
    await until(() => next.acked.length === 2);
    expect(ids(dying.acked)).toEqual([events[0].id]);
    expect(next.deliveries.map((r) => [r.event.id, r.attempt])).toEqual([
      [events[1].id, 2],
      [events[2].id, 1],
    ]);
    const figures = await consumerFigures(nextPort.manager, id, 'inventory', TOPIC, PARTITIONS);
    expect(figures[partitionFor(A, PARTITIONS)]).toMatchObject({ ackFloor: offsets[2], numAckPending: 0 });
  });

  it('keeps each partition in order through a redelivery', async () => {
    const id = suite.runId();
    const port = await suite.ports.port(id);
    const poisoned = new Set<string>();
    const events = [event(A), event(B), event(A), event(B), event(A), event(B), event(A)];
    const flaky = events[2].id;
    const member = new Recorder(port, 'shipping', (r) => {
      if (r.event.id !== flaky || poisoned.has(flaky)) return 'ack';
      poisoned.add(flaky);
      return 'nack';
    });
    await member.start([TOPIC]);
    await port.publish(events.map((e) => ({ topic: TOPIC, event: e })));
    await until(() => member.acked.length === events.length);
    for (const key of [A, B]) {
      const sent = events.filter((e) => e.subject === key).map((e) => e.id);
      const acked = member.acked.filter((r) => r.event.subject === key);
      expect(ids(acked)).toEqual(sent);
      // Offsets of a partition follow each other: a stream per partition.
      const offsets = acked.map((r) => r.offset);
      expect(offsets).toEqual(offsets.map((_, i) => offsets[0] + i));
    }
    const onA = member.deliveries.filter((r) => r.event.subject === A).map((r) => r.event.id);
    expect(onA).toEqual([events[0].id, flaky, flaky, events[4].id, events[6].id]);
  });

  it('dead-letters a record nacked max_deliver times, and the partition goes on', async () => {
    const id = suite.runId();
    const port = await suite.ports.port(id, { maxAttempts: 3 });
    const [poison, after] = [event(A, 'PaymentRequested'), event(A)];
    const member = new Recorder(port, 'payment', (r) => (r.event.id === poison.id ? 'nack' : 'ack'));
    const letters = new Recorder(port, 'dead-letter-reader');
    await member.start([TOPIC]);
    await letters.start([DEAD_LETTER_TOPIC]);
    const [offset] = await port.publish([
      { topic: TOPIC, event: poison },
      { topic: TOPIC, event: after },
    ]);
    await until(() => letters.acked.length === 1 && member.acked.length === 1);
    expect(member.deliveries.filter((r) => r.event.id === poison.id).map((r) => r.attempt)).toEqual([
      1, 2, 3,
    ]);
    expect(ids(member.acked)).toEqual([after.id]);
    const letter = letters.acked[0].event as (typeof letters.acked)[0]['event'] & { data: DeadLetter };
    expect(letter.type).toBe('DeadLetter.PaymentRequested');
    expect(letter.data).toMatchObject({
      group: 'payment',
      topic: TOPIC,
      offset,
      failures: 3,
      error: 'handler failed',
      event: { id: poison.id },
    });
    expect(suite.ports.facts).toContainEqual({
      kind: 'dead-lettered',
      group: 'payment',
      topic: TOPIC,
      messageId: poison.id,
      type: 'PaymentRequested',
      error: 'handler failed',
    });
    expect(port.stats().deadLettered).toBe(1);
  });

  it('dead-letters a record its members died on max_deliver times, from the server’s advisory', async () => {
    const id = suite.runId();
    const port = await suite.ports.port(id, { maxAttempts: 2, ackWaitMs: 300 });
    const [poison, after] = [event(A), event(A)];
    const member = new Recorder(port, 'payment', (r) => (r.event.id === poison.id ? 'hold' : 'ack'));
    const letters = new Recorder(port, 'dead-letter-reader');
    await member.start([TOPIC]);
    await letters.start([DEAD_LETTER_TOPIC]);
    await port.publish([
      { topic: TOPIC, event: poison },
      { topic: TOPIC, event: after },
    ]);
    await until(() => letters.acked.length === 1 && member.acked.length === 1);
    expect(member.deliveries.filter((r) => r.event.id === poison.id).map((r) => r.attempt)).toEqual([1, 2]);
    expect((letters.acked[0].event.data as DeadLetter).error).toBe('no ack after 2 deliveries');
  });

  it('keeps acknowledged offsets through a server restart, and a publisher waits out the outage', async () => {
    const id = suite.runId();
    const port = await suite.ports.port(id);
    const events = [event(A), event(A), event(A)];
    const member = new Recorder(port, 'order', (r) => (r.event.id === events[2].id ? 'hold' : 'ack'));
    await member.start([TOPIC]);
    const offsets = await port.publish(events.map((e) => ({ topic: TOPIC, event: e })));
    await until(() => member.acked.length === 2 && member.deliveries.length === 3);
    port.close();
    await port.closed;

    const publisher = await suite.ports.port(id, { requestTimeoutMs: 500 });
    const late = event(A);
    await suite.server.restart(async () => {
      await expect(publisher.publish([{ topic: TOPIC, event: late }])).rejects.toBeInstanceOf(
        BrokerUnavailable,
      );
    });
    // The same port reconnects by itself: its publish goes through once the server is back.
    let lateOffset: number | null = null;
    while (lateOffset === null)
      lateOffset = await publisher.publish([{ topic: TOPIC, event: late }]).then(
        ([o]) => o,
        () => null,
      );
    expect(lateOffset).toBe(offsets[2] + 1);

    const reader = await suite.ports.port(id);
    const before = await consumerFigures(reader.manager, id, 'order', TOPIC, PARTITIONS);
    expect(before[partitionFor(A, PARTITIONS)].ackFloor).toBe(offsets[1]);
    const next = new Recorder(reader, 'order');
    await next.start([TOPIC]);
    await until(() => next.acked.length === 2);
    expect(ids(next.acked)).toEqual([events[2].id, late.id]);
  });

  it('runs the fault layer over it: a duplicate fault hands a delivery over twice, an outage refuses publishes', async () => {
    const id = suite.runId();
    const port = await suite.ports.port(id);
    const faults = new BrokerFaults();
    const layered = withBrokerFaults(port, faults, (fact) => suite.ports.facts.push(fact));
    faults.duplicateNext('inventory', 'OrderPlaced');
    faults.refusePublishes(1);
    const member = new Recorder(layered, 'inventory');
    await member.start([TOPIC]);
    const events = [event(A), event(A)];
    const batch = events.map((e) => ({ topic: TOPIC, event: e }));
    await expect(layered.publish(batch)).rejects.toThrow(OUTAGE_REFUSAL);
    const offsets = await layered.publish(batch);
    await until(() => member.acked.length === 3);
    expect(ids(member.deliveries)).toEqual([events[0].id, events[0].id, events[1].id]);
    expect(
      suite.ports.facts
        .filter((f) => f.kind === 'broker-fault')
        .map((f) => f.kind === 'broker-fault' && f.fault),
    ).toEqual(['broker-outage', 'duplicate']);
    const figures = await consumerFigures(port.manager, id, 'inventory', TOPIC, PARTITIONS);
    expect(figures[partitionFor(A, PARTITIONS)]).toMatchObject({ ackFloor: offsets[1], numAckPending: 0 });
    expect(suite.ports.errors).toEqual([]);
  });

  it('runs a delay fault over it: the batch goes back for a while, then comes again in order', async () => {
    const id = suite.runId();
    const port = await suite.ports.port(id);
    const faults = new BrokerFaults();
    const layered = withBrokerFaults(port, faults, (fact) => suite.ports.facts.push(fact));
    faults.delayNext('inventory', 'OrderPlaced', 200);
    const member = new Recorder(layered, 'inventory');
    await member.start([TOPIC]);
    const events = [event(A), event(A, 'OrderPaid')];
    await layered.publish(events.map((e) => ({ topic: TOPIC, event: e })));
    await until(() => member.acked.length === 2);
    // The consumer never saw the held-back handover; on JetStream it still counts as a delivery (a nak).
    expect(member.deliveries.map((r) => [r.event.id, r.attempt])).toEqual([
      [events[0].id, 2],
      [events[1].id, 1],
    ]);
    expect(suite.ports.facts).toContainEqual({
      kind: 'broker-fault',
      fault: 'delay',
      group: 'inventory',
      type: 'OrderPlaced',
    });
  });

  it('says clearly when no server answers', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const address = s.address();
        s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const url = `ws://127.0.0.1:${closedPort}`;
    const opening = JetStreamPort.open({ runId: 'nowhere', servers: url, connect: nodeWsConnect });
    await expect(opening).rejects.toBeInstanceOf(BrokerUnavailable);
    await expect(opening).rejects.toThrow(`connecting to the NATS server at ${url}`);
  });
});
