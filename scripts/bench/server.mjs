// The production build the benchmark drives: built into its own directory (so
// nobody else's dist/ is touched) and served by `vite preview` on its own port.

import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** `minify: false` keeps function names readable in a profile. */
export function build(outDir, { minify = true } = {}) {
  if (process.env.BENCH_NO_BUILD && existsSync(`${outDir}/index.html`)) return;
  execSync(`npx vite build --outDir ${outDir} --emptyOutDir --logLevel warn${minify ? '' : ' --minify false'}`, { stdio: 'inherit' });
}

/** Starts `vite preview` on `host` and resolves once it answers; `stop()` ends its whole process group. */
export async function serve(outDir, port, host = '127.0.0.1') {
  // Detached, so the process group (npx and the vite under it) can be stopped at the end.
  const child = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', host], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid);
    } catch {
      // already gone
    }
  };
  const url = `http://${host}:${port}/`;
  // Up to 30 s: a cold `npx vite preview` on a busy 2-core machine once took longer than 10.
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}); is port ${port} taken?`);
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url}`);
}
