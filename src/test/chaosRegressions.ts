// Seeds the chaos suite once found breaking an invariant with the patterns on.
// Each stays here, named for what it exposed, and runs on every test run.

export interface ChaosRegression {
  seed: number;
  name: string;
}

export const CHAOS_REGRESSIONS: ChaosRegression[] = [];

/** The same for the event-sourced chaos suite (`src/test/esChaos.test.ts`). */
export const ES_CHAOS_REGRESSIONS: ChaosRegression[] = [
  { seed: 139, name: 'a transfer whose credit met a version conflict three times on a busy account stayed in flight until the next bank restart' },
];
