// (6) Size and start: the default page's initial JavaScript, gzipped, and the
// time from navigation until its run is ready to play.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Scripts the default page loads before anything runs: its module entry and every modulepreload. */
export function initialJs(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const srcs = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ];
  const files = srcs.map((src) => {
    const bytes = readFileSync(join(outDir, src.replace(/^\.?\//, '')));
    return { file: src, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, gzipKB: files.reduce((a, f) => a + f.gzip, 0) / 1000, rawKB: files.reduce((a, f) => a + f.bytes, 0) / 1000 };
}

/**
 * The worker scripts the default scenario starts before it is ready (the services' and the broker's):
 * not part of the page's first download, but fetched before it can play, so reported beside it.
 */
export function workerJs(outDir) {
  const assets = join(outDir, 'assets');
  const files = readdirSync(assets).filter((f) => /^(service|broker)\.worker-.*\.js$/.test(f));
  return files.reduce((a, f) => a + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0) / 1000;
}

/** Opens the default page (teaching pace, as a visitor sees it) in a fresh profile; returns ms to ready. */
export async function readyTime(session) {
  const page = await session.open();
  const readyMs = await page.evaluate(() => window.__readyAt);
  return { page, readyMs };
}
