// Test code: a real nats-server for one test file — JetStream in a fresh temp
// store directory, client and WebSocket listeners on free 127.0.0.1 ports,
// started from a generated config (the WebSocket listener has no flag).
// `restart` keeps the store directory and the ports, so streams, messages and
// consumer ack floors must survive it. Always `stop` it (afterAll); a process
// exit kills it too, so no server outlives the test run.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface NatsTestServer {
  /** nats://127.0.0.1:port */
  url: string;
  /** ws://127.0.0.1:port */
  wsUrl: string;
  /** Stops the process gracefully (it flushes its store) and deletes the store directory. */
  stop(): Promise<void>;
  /** Stops it and starts it again on the same ports and store directory (`whileDown` runs in between). */
  /** `signal`: SIGTERM lets the server shut down; SIGKILL kills the process where it stands. */
  restart(whileDown?: () => Promise<void>, signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** The nats-server binary on PATH (or Debian's /usr/sbin, /usr/bin), or null when it is not installed. */
export function findNatsServer(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin', '/usr/local/bin'];
  for (const dir of dirs) {
    const candidate = join(dir, 'nats-server');
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/** A 127.0.0.1 port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function launch(binary: string, config: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    running.add(child);
    let log = '';
    const onExit = (code: number | null) => {
      running.delete(child);
      reject(new Error(`nats-server exited (${code}) before it was ready:\n${log}`));
    };
    child.once('exit', onExit);
    child.once('error', reject);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (log.length < 20_000) log += chunk;
      // Printed after JetStream and every listener are up.
      if (log.includes('Server is ready')) {
        child.off('exit', onExit);
        child.once('exit', () => running.delete(child));
        resolve(child);
      }
    });
  });
}

function terminate(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

export async function startNatsServer(binary: string): Promise<NatsTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mpp-nats-'));
  const [port, wsPort] = [await freePort(), await freePort()];
  const config = join(dir, 'nats.conf');
  writeFileSync(
    config,
    [
      `listen: "127.0.0.1:${port}"`,
      `jetstream { store_dir: "${join(dir, 'store')}", max_memory_store: 64MB, max_file_store: 1GB }`,
      `websocket { host: "127.0.0.1", port: ${wsPort}, no_tls: true }`,
      '',
    ].join('\n'),
  );
  let child: ChildProcess | null = await launch(binary, config);
  return {
    url: `nats://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    async stop() {
      if (child) await terminate(child);
      child = null;
      rmSync(dir, { recursive: true, force: true });
    },
    async restart(whileDown, signal) {
      if (child) await terminate(child, signal);
      await whileDown?.();
      child = await launch(binary, config);
    },
  };
}
