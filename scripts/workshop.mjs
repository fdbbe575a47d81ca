// npm run workshop: one command for a room of laptops. Checks that Debian's
// nats-server is installed, writes its config (JetStream with a store kept per
// run name, so a restarted command resumes the run; a WebSocket listener
// without TLS on the LAN address, as a page served over plain HTTP can only
// open ws://), starts it, builds the app if dist/ has no build, serves it over
// plain HTTP, and prints the presenter's link and one join link per service.
// Typing k and Enter kills nats-server where it stands and starts it again (the
// broker's crash: the services' outboxes wait, then drain). Ctrl-C stops the
// server and the web server it started.
//
//   --run NAME        the workshop run (default: room-<4 random digits>)
//   --host ADDR       the address laptops reach (default: this machine's first LAN IPv4 address)
//   --port N          the web server's port (default 8080)
//   --ws-port N       nats-server's WebSocket port (default 9222)
//   --nats-port N     nats-server's client port, on 127.0.0.1 only (default 4222)
//   --dist DIR        the production build to serve (default dist; built when it has no index.html)
//   --pace NAME       the services' pace in every link (default teaching)

import { existsSync, mkdirSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { build, serve } from './bench/server.mjs';
import { findNatsServer, launchNats, stopNats, writeNatsConfig } from './natsServer.mjs';

const SERVICES = ['order', 'payment', 'inventory', 'shipping'];

const { values: args } = parseArgs({
  options: {
    run: { type: 'string', default: `room-${Math.floor(1000 + Math.random() * 9000)}` },
    host: { type: 'string' },
    port: { type: 'string', default: '8080' },
    'ws-port': { type: 'string', default: '9222' },
    'nats-port': { type: 'string', default: '4222' },
    dist: { type: 'string', default: 'dist' },
    pace: { type: 'string', default: 'teaching' },
  },
});

/** The first IPv4 address of this machine that other laptops on the network can reach. */
function lanAddress() {
  for (const addresses of Object.values(networkInterfaces()))
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}

const binary = findNatsServer();
if (!binary) {
  console.error('nats-server is not installed. On Debian or Ubuntu: sudo apt-get install nats-server');
  process.exit(1);
}
if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(args.run) || args.run.length > 32) {
  console.error(
    `--run: expected lower-case letters and digits, dashes between them (room-42), got "${args.run}"`,
  );
  process.exit(1);
}
const host = args.host ?? lanAddress();
const dir = join(tmpdir(), `mpp-workshop-${args.run}`);
mkdirSync(dir, { recursive: true });
const config = join(dir, 'nats.conf');
writeNatsConfig(config, {
  natsPort: args['nats-port'],
  storeDir: join(dir, 'store'),
  wsHost: host,
  wsPort: args['ws-port'],
});

let nats = await launchNats(binary, config);
let web = null;
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  web?.stop();
  await stopNats(nats);
  console.log('workshop stopped: nats-server and the web server are down (the run is kept in ' + dir + ')');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

try {
  if (!existsSync(join(args.dist, 'index.html'))) build(args.dist);
  web = await serve(args.dist, Number(args.port), host);
} catch (error) {
  console.error(String(error.message ?? error));
  await stopNats(nats);
  process.exit(1);
}

const natsUrl = `ws://${host}:${args['ws-port']}`;
const base = `http://${host}:${args.port}/`;
const query = (workshop, extra = '') =>
  `${base}?workshop=${workshop}&run=${args.run}&nats=${natsUrl}&pace=${args.pace}${extra}`;
console.log(
  `workshop run ${args.run}: nats-server ${natsUrl} (JetStream in ${join(dir, 'store')}), app ${base}`,
);
console.log(`presenter: ${query('present')}`);
for (const service of SERVICES) console.log(`join ${service}: ${query('join', `&services=${service}`)}`);
console.log('k + Enter: kill nats-server and start it again · Ctrl-C: stop');

createInterface({ input: process.stdin }).on('line', async (line) => {
  if (line.trim() !== 'k' || stopping) return;
  await stopNats(nats, 'SIGKILL');
  console.log('nats-server killed; starting it again…');
  nats = await launchNats(binary, config);
  console.log('nats-server is back');
});
