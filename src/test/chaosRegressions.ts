// Seeds the chaos suite once found breaking an invariant with the patterns on.
// Each stays here, named for what it exposed, and runs on every test run.

export interface ChaosRegression {
  seed: number;
  name: string;
}

export const CHAOS_REGRESSIONS: ChaosRegression[] = [];
