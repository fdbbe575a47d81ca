import { describe, expect, it } from 'vitest';
import { combination, NO_ANSWERS, recommend, type PatternName, type SystemAnswers } from './chooser';
import { libraryEntry } from './index';

const used = (answers: Partial<SystemAnswers>): PatternName[] =>
  recommend({ ...NO_ANSWERS, ...answers })
    .filter((a) => a.use)
    .map((a) => a.pattern);

const adviceOn = (pattern: PatternName, answers: Partial<SystemAnswers>) =>
  recommend({ ...NO_ANSWERS, ...answers }).find((a) => a.pattern === pattern)!;

describe('recommend', () => {
  it('recommends nothing for one database with no events, history, legacy or special reads', () => {
    expect(used({})).toEqual([]);
  });

  it('warns against a saga on one database: a local transaction is enough', () => {
    const saga = adviceOn('saga', { spansServices: true });
    expect(saga.use).toBe(false);
    expect(saga.why).toMatch(/local transaction/);
  });

  it('calls for outbox and inbox with several databases, and a saga once an action spans them', () => {
    expect(used({ databases: 'several' })).toEqual(['outbox', 'inbox']);
    expect(used({ databases: 'several', spansServices: true })).toEqual(['outbox', 'inbox', 'saga']);
    expect(adviceOn('saga', { databases: 'several' }).why).toMatch(/inside one service/);
  });

  it('calls for an outbox when one database must still tell others of its changes', () => {
    expect(used({ publishes: true })).toEqual(['outbox']);
  });

  it('maps an audit trail to event sourcing, different reads to CQRS, a legacy system to CDC (and its consumers to an inbox)', () => {
    expect(used({ history: true })).toEqual(['event-sourcing']);
    expect(used({ readsDiffer: true })).toEqual(['cqrs']);
    expect(used({ legacy: true })).toEqual(['inbox', 'cdc']);
  });

  it('builds the read models from the events when both history and different reads are asked for', () => {
    expect(adviceOn('cqrs', { readsDiffer: true, history: true }).entry).toBe('es-rebuild-read-model');
    expect(adviceOn('cqrs', { readsDiffer: true }).entry).toBe('cqrs-read-your-writes');
  });

  it('gives every pattern a verdict, the ones to use first, and every recommendation a scenario', () => {
    const all = recommend({
      databases: 'several',
      publishes: true,
      spansServices: true,
      history: true,
      legacy: true,
      readsDiffer: true,
    });
    expect(all.map((a) => a.pattern).sort()).toEqual([
      'cdc',
      'cqrs',
      'event-sourcing',
      'inbox',
      'outbox',
      'saga',
    ]);
    expect(all.every((a) => a.use)).toBe(true);
    for (const a of all) expect(libraryEntry(a.entry!), a.pattern).toBeDefined();
    const mixed = recommend({ ...NO_ANSWERS, history: true });
    expect(mixed[0].pattern).toBe('event-sourcing');
    expect(mixed.slice(1).every((a) => !a.use)).toBe(true);
  });

  it('links only to entries that exist, for every combination of answers', () => {
    const flags = [false, true];
    for (const databases of ['one', 'several'] as const)
      for (const publishes of flags)
        for (const spansServices of flags)
          for (const history of flags)
            for (const legacy of flags)
              for (const readsDiffer of flags)
                for (const a of recommend({
                  databases,
                  publishes,
                  spansServices,
                  history,
                  legacy,
                  readsDiffer,
                })) {
                  if (a.use) expect(a.entry, a.pattern).toBeDefined();
                  if (a.entry) expect(libraryEntry(a.entry), a.entry).toBeDefined();
                }
  });
});

describe('combination', () => {
  it('points at the combined run when outbox, saga and inbox are all advised', () => {
    expect(combination(recommend({ ...NO_ANSWERS, databases: 'several', spansServices: true }))?.entry).toBe(
      'combining-patterns',
    );
    expect(combination(recommend({ ...NO_ANSWERS, databases: 'several' }))).toBeNull();
  });
});
