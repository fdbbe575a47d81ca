// Debian's nats-server for the scripts (the workshop command and the bench):
// where it is, its config (JetStream in a store directory, a WebSocket
// listener without TLS: the listener has no command-line flag), starting it
// and stopping it. The tests have their own (src/test/nats/natsTestServer.ts).

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The nats-server binary, or null when it is not installed. */
export function findNatsServer() {
  try {
    return execFileSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return ['/usr/sbin/nats-server', '/usr/bin/nats-server'].find((path) => existsSync(path)) ?? null;
  }
}

/** Writes a config: clients on 127.0.0.1 only, JetStream in `storeDir`, WebSocket on `wsHost:wsPort`. */
export function writeNatsConfig(file, { natsPort, storeDir, wsHost, wsPort }) {
  writeFileSync(
    file,
    [
      `listen: "127.0.0.1:${natsPort}"`,
      `jetstream { store_dir: "${storeDir}" }`,
      `websocket { host: "${wsHost}", port: ${wsPort}, no_tls: true }`,
      '',
    ].join('\n'),
  );
}

/** Starts nats-server on `config`; resolves once it says it is ready. */
export function launchNats(binary, config) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    child.stderr.on('data', (chunk) => {
      said += chunk;
      if (said.includes('Server is ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`nats-server exited (${code}):\n${said.slice(-2000)}`)));
  });
}

export function stopNats(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** A 127.0.0.1 port nothing listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
