// Bench only (bundled into the bench's build directory, never shipped): the raw
// JetStream publish-and-ack rate from a browser worker, the ceiling the shop's
// saga on JetStream is measured against. The same stream settings the run's
// processes make (ensureStream with the run's config), the same publish as
// JetStreamPort's (a message id for the duplicate window, the stream expected),
// an event of the saga's size; `inFlight` publishes outstanding at once, each
// awaiting its PubAck, for `seconds`.

import { wsconnect } from '@nats-io/nats-core';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { makeEvent } from '../../src/core/envelope';
import { ensureStream } from '../../src/core/broker/nats/natsAdmin';
import { DEFAULT_JETSTREAM_CONFIG } from '../../src/core/broker/nats/jetStreamConfig';
import { partitionNames } from '../../src/core/broker/nats/natsNames';

interface Ask {
  url: string;
  seconds: number;
  inFlight: number;
  runId: string;
}

self.onmessage = async ({ data }: MessageEvent<Ask>) => {
  try {
    postMessage({ ok: true, ...(await measure(data)) });
  } catch (error) {
    postMessage({ ok: false, error: String((error as Error)?.message ?? error) });
  }
};

async function measure({ url, seconds, inFlight, runId }: Ask) {
  const nc = await wsconnect({ servers: url, name: `${runId}/raw-publisher` });
  const jsm = await jetstreamManager(nc);
  const names = partitionNames(runId, 'order-events', 0);
  await ensureStream(jsm, names, { ...DEFAULT_JETSTREAM_CONFIG, retentionMs: null });
  const js = jetstream(nc, { timeout: DEFAULT_JETSTREAM_CONFIG.requestTimeoutMs });
  let next = 0;
  let acked = 0;
  const payload = (id: string) =>
    JSON.stringify(
      makeEvent({
        id,
        source: '/order',
        type: 'OrderCreated',
        subject: `o-${id}`,
        time: new Date().toISOString(),
        data: { orderId: `o-${id}`, customerId: 'alice', items: [{ sku: 'SKU-BOOK', qty: 1 }], total: 1200 },
      }),
    );
  const end = performance.now() + seconds * 1000;
  const publisher = async () => {
    while (performance.now() < end) {
      const id = `raw-${next++}`;
      await js.publish(names.subject, payload(id), {
        msgID: id,
        expect: { streamName: names.stream },
      });
      acked++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: inFlight }, publisher));
  const ms = performance.now() - t0;
  await jsm.streams.delete(names.stream);
  await nc.close();
  return { inFlight, acked, ms, perSecond: (acked / ms) * 1000 };
}
