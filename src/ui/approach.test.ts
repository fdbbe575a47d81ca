import { describe, expect, it } from 'vitest';
import { approachOf, approachTitle, choiceOf, DEFAULT_APPROACH, hasEvents, type Approach } from './approach';

const run = (patch: Partial<Approach>): Approach => ({ ...DEFAULT_APPROACH, ...patch });

describe('approach', () => {
  it('is read off the controller', () => {
    const controller = {
      ordering: 'two-phase-commit' as const,
      config: {
        publishing: 'dual-write',
        sagaStyle: 'orchestration',
        relay: { mode: 'log-tailing' },
        inbox: false,
        idempotencyKeys: true,
        semanticLocks: false,
      } as never,
    };
    expect(approachOf(controller)).toEqual({
      ordering: 'two-phase-commit',
      publishing: 'dual-write',
      sagaStyle: 'orchestration',
      relay: 'log-tailing',
      guards: { inbox: false, idempotencyKeys: true, semanticLocks: false },
    });
  });

  it('maps to one of the four choices; a before-ordering wins over the publishing setting', () => {
    expect(choiceOf(run({}))).toBe('outbox');
    expect(choiceOf(run({ publishing: 'dual-write' }))).toBe('dual-write');
    expect(choiceOf(run({ ordering: 'direct-calls', publishing: 'dual-write' }))).toBe('direct-calls');
    expect(choiceOf(run({ ordering: 'two-phase-commit' }))).toBe('two-phase-commit');
  });

  it('has events only when orders travel as messages', () => {
    expect(hasEvents(run({ publishing: 'dual-write' }))).toBe(true);
    expect(hasEvents(run({ ordering: 'direct-calls' }))).toBe(false);
    expect(hasEvents(run({ ordering: 'two-phase-commit' }))).toBe(false);
  });

  it('names the run for the toolbar', () => {
    expect(approachTitle(run({}))).toEqual({ lead: 'outbox · inbox', main: 'choreographed saga' });
    expect(approachTitle(run({ publishing: 'dual-write' }))).toEqual({
      lead: 'no outbox (dual write) · inbox',
      main: 'choreographed saga',
    });
    // A guard switched off says so.
    expect(
      approachTitle(run({ guards: { inbox: false, idempotencyKeys: false, semanticLocks: false } })).lead,
    ).toBe('outbox · inbox off · no idempotency key · no semantic lock');
    expect(approachTitle(run({ sagaStyle: 'orchestration' })).main).toBe('orchestrated saga');
    // A run without a saga is named by its ordering alone: publishing plays no part in it.
    expect(approachTitle(run({ ordering: 'direct-calls', publishing: 'dual-write' }))).toEqual({
      lead: null,
      main: 'direct calls',
    });
    expect(approachTitle(run({ ordering: 'two-phase-commit' }))).toEqual({
      lead: null,
      main: 'two-phase commit',
    });
  });
});
