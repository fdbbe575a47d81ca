// Interview mode's data against the library: every demo opens entries that
// exist, and promises exactly the verdict those entries expect — none where
// it promises none. (A variant's verdict is run: src/test/interviewVariants.test.ts.)
import { describe, expect, it } from 'vitest';
import { demoEntries, demoKey } from './demos';
import { INTERVIEW, questionDemos } from './interview';

const sorted = (names: readonly string[]) => [...names].sort();

describe('interview questions', () => {
  it('are the seed’s six, two per level, with unique ids', () => {
    expect(INTERVIEW.map((q) => q.level)).toEqual(['L4', 'L4', 'L5', 'L5', 'L6', 'L6']);
    expect(new Set(INTERVIEW.map((q) => q.id)).size).toBe(6);
  });

  it('split each answer into two or more claims, and end with a follow-up that has its own run', () => {
    for (const q of INTERVIEW) {
      expect(q.claims.length, q.id).toBeGreaterThanOrEqual(2);
      expect(q.followUp.question, q.id).toMatch(/\?$/);
      expect(q.followUp.answer.length, q.id).toBeGreaterThan(0);
    }
  });

  for (const q of INTERVIEW)
    for (const demo of questionDemos(q))
      it(`${q.id}: ${demoKey(demo)} promises what its entries expect`, () => {
        const entries = demoEntries(demo);
        if (demo.kind === 'compare')
          expect(demo.promises.map(sorted)).toEqual(entries.map((e) => sorted(e.expect)));
        else if (demo.kind === 'entry') expect(sorted(demo.promises)).toEqual(sorted(entries[0].expect));
        else expect(demo.data.length).toBeGreaterThan(0);
      });

  it('pair only deterministic runs: the compare page runs those to their end, a live one would wait for its guide', () => {
    for (const q of INTERVIEW)
      for (const demo of questionDemos(q))
        if (demo.kind === 'compare')
          for (const entry of demoEntries(demo)) expect(entry.scenario.mode, entry.id).toBe('deterministic');
  });

  it('show exactly-once as a duplicate delivered, the inbox skipping it, the key refusing a charge, and the handler committing with its outbox', () => {
    const q = INTERVIEW.find((x) => x.id === 'exactly-once')!;
    const shown = new Set(q.claims.flatMap((c) => demoEntries(c.demo).map((e) => e.id)));
    for (const id of ['no-inbox', 'inbox-duplicates', 'saga-idempotency-key', 'combining-patterns'])
      expect(shown, id).toContain(id);
  });

  it('compare choreography and orchestration on the same orders: the two runs differ in their saga style only', () => {
    const q = INTERVIEW.find((x) => x.id === 'choreography-vs-orchestration')!;
    const pairs = q.claims.map((c) => c.demo).filter((d) => d.kind === 'compare');
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) {
      const [a, b] = demoEntries(pair).map((e) => e.scenario);
      expect([a.sagaStyle, b.sagaStyle].sort()).toEqual(['choreography', 'orchestration']);
      expect({ ...a, sagaStyle: '', guide: '' }).toEqual({ ...b, sagaStyle: '', guide: '' });
    }
  });

  it('answer “what if the compensation fails?” with a run', () => {
    expect(INTERVIEW.map((q) => q.followUp.question)).toContain('What if the compensation fails?');
  });
});
