// The run history's figures: the time to rebuild a past moment from 10,000
// and 100,000 recorded facts (`stateAt` alone, and the whole moment in
// snapshot()'s shape: median and p95), the cost of recording a fact, and the
// heap the history holds after 60 s of arrivals at 1,000 orders a second
// (its cap reached and its oldest facts forgotten again and again).
// Measured in Node over the same core code the conductor runs
// (src/test/historyBench.test.ts, run by vitest, which reads TypeScript).

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export function historyFigures() {
  const out = join(tmpdir(), `history-bench-${process.pid}.json`);
  try {
    execFileSync('npx', ['vitest', 'run', 'src/test/historyBench.test.ts'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, HISTORY_BENCH_OUT: out, NODE_OPTIONS: '--expose-gc' },
    });
    // Other processes share these cores: the figures are only as quiet as the machine was.
    const loadAverage = loadavg().map((x) => Math.round(x * 100) / 100);
    return { loadAverage, ...JSON.parse(readFileSync(out, 'utf8')) };
  } finally {
    rmSync(out, { force: true });
  }
}
