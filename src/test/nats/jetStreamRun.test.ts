// The JetStream port over a run's life on a real nats-server: a member that
// stays subscribed while the server restarts, the deterministic fetch, and
// natsAdmin laying out a run and reading JetStream's figures for the canvas.

import { describe, expect, it } from 'vitest';
import { DEFAULT_JETSTREAM_CONFIG } from '../../core/broker/nats/jetStreamConfig';
import { consumerFigures, ensureRun, partitionFigures } from '../../core/broker/nats/natsAdmin';
import { partitionNames } from '../../core/broker/nats/natsNames';
import { partitionFor } from '../../core/broker/partitioner';
import { until } from '../until';
import { event, ids, natsBinary, natsSuite, Recorder } from './jetStreamHarness';

const TOPIC = 'payment-commands';
const PARTITIONS = DEFAULT_JETSTREAM_CONFIG.partitions;

describe.skipIf(!natsBinary)('JetStream port over a run', () => {
  const suite = natsSuite();

  it('keeps delivering to a member that stayed subscribed through a server restart', async () => {
    const id = suite.runId();
    const port = await suite.ports.port(id, { requestTimeoutMs: 500 });
    const member = new Recorder(port, 'payment');
    await member.start([TOPIC]);
    const [before, after] = [event('order-1'), event('order-1')];
    await port.publish([{ topic: TOPIC, event: before }]);
    await until(() => member.acked.length === 1);
    await suite.server.restart();
    // The relay's way: try again until the broker confirms.
    for (;;) {
      const sent = await port.publish([{ topic: TOPIC, event: after }]).then(
        () => true,
        () => false,
      );
      if (sent) break;
    }
    await until(() => member.acked.length === 2);
    expect(ids(member.acked)).toEqual([before.id, after.id]);
  });

  it('fetches one record at a time for a deterministic step, none while one is unacknowledged', async () => {
    const id = suite.runId();
    const port = await suite.ports.port(id);
    const events = [event('order-2'), event('order-2')];
    const partition = partitionFor('order-2', PARTITIONS);
    const offsets = await port.publish(events.map((e) => ({ topic: TOPIC, event: e })));
    const first = await port.fetch('payment', TOPIC, partition, 10);
    expect(first.records.map((r) => [r.offset, r.event.id, r.attempt])).toEqual([
      [offsets[0], events[0].id, 1],
    ]);
    expect(first).toMatchObject({ duplicate: false, heldBack: false });
    expect((await port.fetch('payment', TOPIC, partition, 10)).records).toEqual([]);
    await port.ack('payment', TOPIC, partition, offsets[0]);
    const second = await port.fetch('payment', TOPIC, partition, 10);
    expect(ids(second.records)).toEqual([events[1].id]);
  });

  it('lays out a run’s streams and consumers, and reads JetStream’s figures for them', async () => {
    const id = suite.runId();
    const port = await suite.ports.port(id);
    const config = { ...DEFAULT_JETSTREAM_CONFIG };
    const layout = { runId: id, topics: [TOPIC], groups: [{ group: 'payment', topics: [TOPIC] }] };
    await ensureRun(port.manager, layout, config);
    await ensureRun(port.manager, layout, config); // idempotent: every process of a run may lay it out
    for (let p = 0; p < PARTITIONS; p++)
      expect((await port.manager.streams.info(partitionNames(id, TOPIC, p).stream)).config.subjects).toEqual([
        partitionNames(id, TOPIC, p).subject,
      ]);
    const empty = await consumerFigures(port.manager, id, 'payment', TOPIC, PARTITIONS);
    expect(empty.every((f) => f.ackFloor === 0 && f.numPending === 0)).toBe(true);

    const partition = partitionFor('order-3', PARTITIONS);
    await port.publish([event('order-3'), event('order-3')].map((e) => ({ topic: TOPIC, event: e })));
    const streams = await partitionFigures(port.manager, id, TOPIC, PARTITIONS);
    expect(streams[partition]).toMatchObject({ messages: 2, firstSeq: 1, lastSeq: 2 });
    const member = new Recorder(port, 'payment', (r) => (r.attempt === 1 ? 'nack' : 'ack'));
    await member.start([TOPIC]);
    await until(() => member.acked.length === 2);
    const figures = await consumerFigures(port.manager, id, 'payment', TOPIC, PARTITIONS);
    expect(figures[partition]).toMatchObject({ ackFloor: 2, delivered: 2, numPending: 0, numAckPending: 0 });
    // A group nobody made yet reads as nothing delivered, not as an error.
    const unknown = await consumerFigures(port.manager, id, 'nobody', TOPIC, PARTITIONS);
    expect(unknown[partition]).toMatchObject({ ackFloor: 0, delivered: 0 });
  });
});
