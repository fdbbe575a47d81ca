import { describe, expect, it } from 'vitest';
import { isActionOf, wrongTopologyText } from './actionTopology';

describe('which actions a guide may take in each run', () => {
  it('names each topology’s actions in its own words, the same kind in several', () => {
    expect(isActionOf({ kind: 'runToEnd' }, 'shop')).toBe(true);
    expect(isActionOf({ kind: 'runToEnd' }, 'event-sourced')).toBe(false);
    expect(isActionOf({ kind: 'growOrder', count: 5 }, 'event-sourced')).toBe(true);
    expect(isActionOf({ kind: 'writeMany', count: 100 }, 'cdc')).toBe(true);
    for (const topology of ['shop', 'event-sourced', 'cdc'] as const)
      expect(isActionOf({ kind: 'settle' }, topology), topology).toBe(true);
  });

  it('refuses a process the run does not have, even for a kind it knows', () => {
    expect(isActionOf({ kind: 'restart', process: 'bank' }, 'event-sourced')).toBe(true);
    expect(isActionOf({ kind: 'restart', process: 'broker' }, 'shop')).toBe(true);
    expect(wrongTopologyText({ kind: 'restart', process: 'bank' }, 'shop')).toBe(
      '"restart" names bank, and a shop run has no such process',
    );
    expect(wrongTopologyText({ kind: 'restart', process: 'connector' }, 'event-sourced')).toBe(
      '"restart" names connector, and an event-sourced run has no such process',
    );
  });

  it('says why an action does not fit the run, and nothing when it does', () => {
    expect(wrongTopologyText({ kind: 'stageRace' }, 'event-sourced')).toBeNull();
    expect(wrongTopologyText({ kind: 'stageRace' }, 'shop')).toBe(
      '"stageRace" is not something a shop run can do',
    );
    expect(wrongTopologyText({ kind: 'steps', count: 1 }, 'event-sourced')).toBe(
      '"steps" is not something an event-sourced run can do',
    );
    expect(wrongTopologyText({ kind: 'search', text: 'x' }, 'shop')).toBe(
      '"search" is not something a shop run can do',
    );
  });
});
