// A real nats-server for the e2e run: JetStream in a fresh store directory and
// a WebSocket listener, on free 127.0.0.1 ports (the Node tests' helper,
// src/test/nats/natsTestServer.ts). Playwright's global setup starts it when
// nats-server is installed, hands its address to the tests in
// E2E_NATS_WS_URL, and stops it (deleting its store) at the end. Also: the
// share links that open a shop run on it.

import { encodeScenario } from '../src/core/scenario/link';
import { packText } from '../src/core/scenario/packing';
import type { Scenario } from '../src/core/scenario/scenario';
import { scenarioFromUrl } from '../src/runtime/scenarioOptions';
import { findNatsServer, startNatsServer } from '../src/test/nats/natsTestServer';

/** The server's WebSocket address, once global setup has started it; undefined when nats-server is missing. */
export function natsWsUrl(): string | undefined {
  return process.env.E2E_NATS_WS_URL || undefined;
}

/** A page address (for PlaygroundPage.open) opening a shop run on broker nats at `natsUrl`, at fast pace. */
export function natsQuery(natsUrl: string, settings: Partial<Scenario> = {}): string {
  const scenario = { pace: 'fast', broker: 'nats', natsUrl, ...settings };
  return `#s/v1/${packText(JSON.stringify(scenario))}`;
}

/**
 * A page address of a spec (`pace=fast&style=orchestration`, `present=1#s/v1/…`) turned into the same scenario on
 * broker nats: its other parameters stay, the scenario becomes a share link with `broker` and `natsUrl` set.
 */
export function onNats(query: string, natsUrl: string): string {
  const hashAt = query.indexOf('#');
  const search = hashAt === -1 ? query : query.slice(0, hashAt);
  const { scenario } = scenarioFromUrl({
    search: `?${search}`,
    hash: hashAt === -1 ? '' : query.slice(hashAt),
  });
  return `${search}${encodeScenario({ ...scenario, broker: 'nats', natsUrl })}`;
}

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  const binary = findNatsServer();
  if (!binary) {
    console.warn(
      'nats-server is not installed: the NATS e2e tests are skipped (apt-get install nats-server)',
    );
    return undefined;
  }
  // Every e2e run passes here: a server that will not start skips the NATS tests, it does not fail the others.
  const server = await startNatsServer(binary).catch((error: Error) => {
    console.warn(`nats-server did not start, so the NATS e2e tests are skipped: ${error.message}`);
    return null;
  });
  if (!server) return undefined;
  process.env.E2E_NATS_WS_URL = server.wsUrl;
  return () => server.stop();
}
