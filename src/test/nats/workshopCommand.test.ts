// `npm run workshop` (scripts/workshop.mjs) for real: it starts nats-server with
// JetStream and a WebSocket listener, serves the build over plain HTTP, prints
// the presenter's link and one join link per service (links the page opens as
// that workshop run), and Ctrl-C stops both servers it started.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFromUrl } from '../../runtime/scenarioOptions';
import { until } from '../until';
import { natsBinary, nodeWsConnect } from './jetStreamHarness';
import { freePort } from './natsTestServer';

describe.skipIf(!natsBinary)('npm run workshop', () => {
  it('prints the presenter link and a join link per service, and stops its servers on Ctrl-C', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'mpp-workshop-dist-'));
    // A build of one page is enough to serve: the command builds only when the directory has none.
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>playground</title>');
    const [port, wsPort, natsPort] = [await freePort(), await freePort(), await freePort()];
    const run = `test-${process.pid}`;
    const child = spawn(
      'node',
      ['scripts/workshop.mjs', '--host', '127.0.0.1', '--run', run, '--dist', dist, '--pace', 'fast'].concat([
        '--port',
        String(port),
        '--ws-port',
        String(wsPort),
        '--nats-port',
        String(natsPort),
      ]),
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    try {
      await until(() => out.includes('Ctrl-C') || child.exitCode !== null, 50);
      const links = Object.fromEntries(
        [...out.matchAll(/^(presenter|join \w+): (\S+)$/gm)].map(([, who, link]) => [who, new URL(link)]),
      );
      expect(Object.keys(links)).toEqual([
        'presenter',
        'join order',
        'join payment',
        'join inventory',
        'join shipping',
      ]);
      const natsUrl = `ws://127.0.0.1:${wsPort}`;
      for (const [who, link] of Object.entries(links)) {
        const { scenario, linkError } = scenarioFromUrl(link);
        expect(linkError, who).toBeNull();
        expect(scenario).toMatchObject({ broker: 'nats', natsUrl, run, pace: 'fast' });
        expect(scenario.services).toEqual(who === 'presenter' ? [] : [who.slice('join '.length)]);
      }
      expect((await fetch(`http://127.0.0.1:${port}/`)).ok).toBe(true);
      const nc = await nodeWsConnect({ servers: natsUrl });
      await nc.close();

      child.kill('SIGINT');
      await until(() => child.exitCode !== null, 50);
      expect(child.exitCode).toBe(0);
      expect(out).toContain('workshop stopped');
      await expect(nodeWsConnect({ servers: natsUrl, reconnect: false })).rejects.toThrow();
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGINT');
      rmSync(dist, { recursive: true, force: true });
      rmSync(join(tmpdir(), `mpp-workshop-${run}`), { recursive: true, force: true });
    }
  }, 60_000);
});
