// The run history's figures: the time to rebuild a past moment from 10,000
// and 100,000 recorded facts (the fold alone, and with the snapshot's shape
// drawn from it), and the heap the history holds once its cap is reached.
// Measured in Node over the same core code the conductor runs
// (src/test/historyBench.test.ts, run by vitest, which reads TypeScript).

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function historyFigures() {
  const out = join(tmpdir(), `history-bench-${process.pid}.json`);
  try {
    execFileSync('npx', ['vitest', 'run', 'src/test/historyBench.test.ts'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, HISTORY_BENCH_OUT: out, NODE_OPTIONS: '--expose-gc' },
    });
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(out, { force: true });
  }
}
