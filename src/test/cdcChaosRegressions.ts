// Seeds the CDC chaos suite once found breaking an invariant with the patterns
// on. Each stays here, named for what it exposed, and runs on every test run.

import type { ChaosRegression } from './chaosRegressions';

export const CDC_CHAOS_REGRESSIONS: ChaosRegression[] = [
  {
    seed: 11,
    name: 'a connector killed mid-snapshot restarted its snapshot from the new log head, so a listing deleted while it was down kept its search document',
  },
  {
    seed: 99,
    name: 'a restarted query service took a delivery meant for the process that died before it and acknowledged past records it never saw, so a listing never got its search document',
  },
];
