// Interview mode's variants (an entry's scenario with its data changed, no
// guide): run to the end in Node, each shows exactly the anomalies its answer
// promises.
import { describe, expect, it } from 'vitest';
import { variantScenario, type Demo } from '../core/scenario/library/demos';
import { INTERVIEW, questionDemos } from '../core/scenario/library/interview';
import { runDeterministic } from './deterministicRun';

type Variant = Extract<Demo, { kind: 'variant' }>;
const VARIANTS = INTERVIEW.flatMap(questionDemos).filter((d): d is Variant => d.kind === 'variant');

describe('interview variants', () => {
  it('exist (the compensation that fails has no guide of its own)', () => {
    expect(VARIANTS.length).toBeGreaterThan(0);
  });

  for (const demo of VARIANTS)
    it(`${demo.entry} with ${demo.what}: shows ${demo.promises.join(', ')}`, async () => {
      const scenario = variantScenario(demo);
      expect(scenario.guide).toBe('');
      const { anomalies } = await runDeterministic(scenario);
      expect([...new Set(anomalies.map((a) => a.invariant))].sort()).toEqual([...demo.promises].sort());
    });
});
