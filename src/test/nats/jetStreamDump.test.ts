// The broker process of a run on NATS reads JetStream for the canvas, the
// checker and settling: JetStream's own figures in the local broker's shapes,
// a dump of topics, ack floors, subjects and dead letters, and the whole log.

import { describe, expect, it } from 'vitest';
import { fromNatsToken, JetStreamReader } from '../../core/broker/nats/jetStreamDump';
import { natsToken } from '../../core/broker/nats/natsNames';
import { until } from '../until';
import { event, natsBinary, natsSuite, Recorder } from './jetStreamHarness';

describe('natsToken', () => {
  it('is undone by fromNatsToken', () => {
    for (const name of ['outbox.event.Order', 'payment-commands', 'a b*>/c', 'dead-letters'])
      expect(fromNatsToken(natsToken(name))).toBe(name);
  });
});

describe.skipIf(!natsBinary)('reading a run on JetStream', () => {
  const suite = natsSuite();

  it("gives JetStream's figures, the dump and the log in the local broker's shapes", async () => {
    const runId = suite.runId();
    const port = await suite.ports.port(runId);
    const events = [event('order-1'), event('order-2'), event('order-1')];
    await port.publish(events.map((e) => ({ topic: 'order-events', event: e })));
    // A republish of the first: the duplicate window drops it.
    await port.publish([{ topic: 'order-events', event: events[0] }]);
    const member = new Recorder(port, 'payment');
    await member.start(['order-events']);
    await until(() => member.acked.length === 3);

    const reader = new JetStreamReader(port.manager, runId);
    // Another run's streams are not this one's.
    await (await suite.ports.port(`${runId}-other`)).publish([{ topic: 'order-events', event: event('x') }]);
    let figures = await reader.figures();
    while (JetStreamReader.lag(figures) > 0) figures = await reader.figures();
    expect(figures.streams.map((s) => s.topic)).toEqual(['order-events', 'order-events', 'order-events']);
    expect(figures.streams.reduce((n, s) => n + s.messages, 0)).toBe(3);
    expect(figures.consumers.map((c) => c.group)).toEqual(['payment', 'payment', 'payment']);
    expect(figures.consumers.reduce((n, c) => n + c.ackFloor, 0)).toBe(3);

    const stats = JetStreamReader.stats(figures, { paused: false, url: 'ws://x', dedupDropped: 1 });
    expect(stats.partitions.reduce((n, p) => n + p.endOffset, 0)).toBe(3);
    expect(stats.groups.every((g) => g.lag === 0 && g.inflight === 0)).toBe(true);
    expect(stats.carrier).toMatchObject({ kind: 'nats', jetstream: { url: 'ws://x', dedupDropped: 1 } });

    const dump = await reader.dump(figures, stats);
    expect(dump.subjects['order-events'].sort()).toEqual(['order-1', 'order-2']);
    expect(dump.offsets.reduce((n, o) => n + o.committed, 0)).toBe(3);
    expect(dump.topics).toHaveLength(1);
    expect(dump.deadLetters).toEqual([]);
    const log = await reader.log(figures);
    expect(log.map((r) => r.event.id).sort()).toEqual(events.map((e) => e.id).sort());
    // Read once, kept: a second read gives the same records.
    expect(await reader.log(await reader.figures())).toEqual(log);
  });
});
