// A plain static file server for a build directory, answering only under a
// sub-path (as a talk's site would host it): the specs that check the
// production build works away from the root start one per file.

import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The production build the specs serve: E2E_DIST when set (a build of one's own), else dist/. */
export function buildDir(): string {
  return resolve(process.env.E2E_DIST ?? 'dist');
}

export interface SubpathServer {
  /** `http://127.0.0.1:<port>`, without the prefix. */
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` at `prefix` on a free port; anything outside the prefix is a 404. */
export async function serveUnderSubpath(root: string, prefix: string): Promise<SubpathServer> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!path.startsWith(prefix)) return void res.writeHead(404).end('outside the sub-path');
    const file = normalize(join(root, path.slice(prefix.length) || 'index.html'));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
