// The bench's JetStream part: a nats-server of its own (fresh store, free
// 127.0.0.1 ports), the raw publish-and-ack rate from a worker of the same
// browser (natsRawPublish.ts, bundled here into the bench's build directory),
// and the choreography saga's highest sustained rate on broker nats, searched
// as for the local broker. Each saga order publishes four events, so its
// JetStream publish rate is four times its order rate; the target is at least
// half the raw rate. Skipped, and said so, when nats-server is not installed.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build as viteBuild } from 'vite';
import { findNatsServer, freePort, launchNats, stopNats, writeNatsConfig } from '../natsServer.mjs';
import { searchThroughput } from './load.mjs';
import { scenarioHash } from './session.mjs';

/** Events the choreography saga publishes per order: OrderCreated, PaymentCompleted, InventoryReserved, ShipmentScheduled. */
const PUBLISHES_PER_ORDER = 4;
const RAW_DIR = 'bench-nats';

/** Bundles the raw publisher and a page that runs it into the bench's build directory. */
export async function buildRawPublisher(dist) {
  await viteBuild({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: join(dist, RAW_DIR),
      emptyOutDir: true,
      lib: { entry: 'scripts/bench/natsRawPublish.ts', formats: ['es'], fileName: () => 'raw.js' },
    },
  });
  writeFileSync(join(dist, RAW_DIR, 'index.html'), '<!doctype html><title>raw JetStream publisher</title>\n');
}

async function rawRate(session, baseUrl, natsUrl, { seconds, inFlight }) {
  const page = await session.context.newPage();
  try {
    await page.goto(`${baseUrl}${RAW_DIR}/index.html`);
    return await page.evaluate(
      (ask) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(`./raw.js`, { type: 'module' });
          worker.onmessage = ({ data }) => (data.ok ? resolve(data) : reject(new Error(data.error)));
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage(ask);
        }),
      { url: natsUrl, seconds, inFlight, runId: `bench-raw-${inFlight}-${Date.now()}` },
    );
  } finally {
    await page.close();
  }
}

/** The JetStream figures, or `{ skipped }` with the reason. */
export async function jetStreamFigures(session, baseUrl, { rawSeconds, probeSeconds, maxProbes, log }) {
  const binary = findNatsServer();
  if (!binary) {
    const skipped = 'nats-server is not installed (apt-get install nats-server): the JetStream part is skipped';
    log(`  ${skipped}`);
    return { skipped };
  }
  const dir = mkdtempSync(join(tmpdir(), 'mpp-bench-nats-'));
  const [natsPort, wsPort] = [await freePort(), await freePort()];
  const config = join(dir, 'nats.conf');
  mkdirSync(join(dir, 'store'));
  writeNatsConfig(config, { natsPort, storeDir: join(dir, 'store'), wsHost: '127.0.0.1', wsPort });
  const server = await launchNats(binary, config);
  const natsUrl = `ws://127.0.0.1:${wsPort}`;
  try {
    const raw = [];
    for (const inFlight of [1, 16]) {
      const r = await rawRate(session, baseUrl, natsUrl, { seconds: rawSeconds, inFlight });
      raw.push(r);
      log(`  raw JetStream publish-and-ack, ${inFlight} in flight: ${r.perSecond.toFixed(0)}/s (${r.acked} in ${(r.ms / 1000).toFixed(1)} s)`);
    }
    log('  searching for the saga’s highest sustained rate on JetStream:');
    const saga = await searchThroughput(session, {
      start: 25,
      seconds: probeSeconds,
      maxProbes,
      log,
      where: { query: 'x=1', hash: scenarioHash({ version: 1, pace: 'fast', broker: 'nats', natsUrl }) },
    });
    const rawBest = Math.max(...raw.map((r) => r.perSecond));
    const sagaPublishesPerSecond = saga.ordersPerSecond * PUBLISHES_PER_ORDER;
    const ratio = rawBest ? sagaPublishesPerSecond / rawBest : 0;
    log(
      `  saga on JetStream: ${saga.ordersPerSecond.toFixed(0)} orders/s = ${sagaPublishesPerSecond.toFixed(0)} publishes/s, ${(ratio * 100).toFixed(0)}% of the raw ${rawBest.toFixed(0)}/s (target ≥ 50%)`,
    );
    return { server: binary, raw, saga, sagaPublishesPerSecond, rawBestPerSecond: rawBest, ratioToRaw: ratio, publishesPerOrder: PUBLISHES_PER_ORDER };
  } finally {
    await stopNats(server);
    rmSync(dir, { recursive: true, force: true });
  }
}
