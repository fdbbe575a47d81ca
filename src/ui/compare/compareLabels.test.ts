import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from '../../core/scenario/scenario';
import {
  approachLabel,
  compareLabels,
  differsText,
  differsWithForks,
  forkNote,
  sharedSummary,
} from './compareLabels';

const base: Scenario = {
  ...DEFAULT_SCENARIO,
  faults: [],
  mode: 'deterministic',
  pace: 'fast',
  seed: 11,
  orders: 3,
};
const crash = { kind: 'crash', service: 'order', point: 'after-commit-before-publish', nth: 1 } as const;

describe('approachLabel', () => {
  it('names each approach', () => {
    expect(approachLabel(base)).toBe('outbox');
    expect(approachLabel({ ...base, publishing: 'dual-write' })).toBe('dual write');
    expect(approachLabel({ ...base, ordering: 'direct-calls' })).toBe('direct calls');
    expect(approachLabel({ ...base, ordering: 'two-phase-commit' })).toBe('two-phase commit');
  });
});

describe('compareLabels', () => {
  it('is the approach alone when nothing else differs', () => {
    expect(
      compareLabels({ ...base, publishing: 'dual-write', faults: [crash] }, { ...base, faults: [crash] }),
    ).toEqual(['dual write', 'outbox']);
  });

  it('adds only the switches that differ', () => {
    const a = { ...base, inbox: false, idempotencyKeys: false };
    const b = { ...base };
    expect(compareLabels(a, b)).toEqual([
      'outbox · no inbox · no idempotency keys',
      'outbox · inbox · idempotency keys',
    ]);
    expect(compareLabels({ ...base, sagaStyle: 'orchestration' }, base)).toEqual([
      'outbox · orchestrated saga',
      'outbox · choreographed saga',
    ]);
    expect(compareLabels({ ...base, seed: 12 }, base)).toEqual(['outbox · seed 12', 'outbox · seed 11']);
  });

  it('counts faults, or names the first that differs when the counts agree', () => {
    expect(compareLabels({ ...base, faults: [crash] }, base)).toEqual([
      'outbox · 1 fault',
      'outbox · no faults',
    ]);
    const other = { ...crash, nth: 2 };
    const [a, b] = compareLabels({ ...base, faults: [crash] }, { ...base, faults: [other] });
    expect(a).toBe('outbox · order crashes the 1st time it reaches after-commit-before-publish');
    expect(b).toBe('outbox · order crashes the 2nd time it reaches after-commit-before-publish');
  });
});

describe('sharedSummary', () => {
  it('states what both sides share', () => {
    const summary = sharedSummary(
      { ...base, publishing: 'dual-write', faults: [crash] },
      { ...base, faults: [crash] },
    );
    expect(summary).toBe(
      'deterministic · seed 11 · 3 orders · fast pace · order crashes the 1st time it reaches after-commit-before-publish',
    );
  });

  it('leaves out what differs', () => {
    expect(sharedSummary({ ...base, seed: 2 }, base)).toBe(
      'deterministic · 3 orders · fast pace · no faults',
    );
    expect(sharedSummary({ ...base, mode: 'live' }, base)).toBe('3 orders · fast pace · no faults');
  });
});

describe('differsText', () => {
  it('names the one switch of a pair, from A to B', () => {
    expect(differsText(base, { ...base, inbox: false })).toBe('inbox on → off');
    expect(differsText({ ...base, ordering: 'direct-calls' }, base)).toBe(
      'ordering direct calls → messaging',
    );
    expect(differsText({ ...base, publishing: 'dual-write' }, base)).toBe('publishing dual write → outbox');
    expect(differsText(base, { ...base, sagaStyle: 'orchestration' })).toBe(
      'saga choreography → orchestration',
    );
    expect(differsText(base, { ...base, snapshotEvery: 0 })).toBe('snapshots every 100 events → none');
  });

  it('ignores the guide and says nothing when nothing differs', () => {
    expect(differsText(base, { ...base, guide: 'outbox' })).toBeNull();
  });
});

describe('a fork in the comparison', () => {
  const off = { kind: 'switch', switch: 'inbox', on: false } as const;
  it('is named by the side that made it, with its step', () => {
    const at9 = { ...base, at: 9 };
    expect(forkNote(at9, off)).toBe('fork at step 9: the inbox off');
    expect(forkNote(at9, null)).toBeNull();
    expect(differsWithForks({ scenario: at9, fork: null }, { scenario: at9, fork: off })).toBe(
      'B is a fork at step 9: the inbox off',
    );
    expect(
      differsWithForks({ scenario: at9, fork: null }, { scenario: { ...at9, seed: 3 }, fork: off }),
    ).toBe('seed 11 → 3 · B is a fork at step 9: the inbox off');
    expect(differsWithForks({ scenario: at9, fork: null }, { scenario: at9, fork: null })).toBeNull();
  });
});
