import { describe, expect, it } from 'vitest';
import { actionTopology, isCdcAction, isEsAction, wrongTopologyText } from './actionTopology';

describe('actionTopology', () => {
  it('tells shop actions from event-sourced ones', () => {
    expect(actionTopology({ kind: 'runToEnd' })).toBe('shop');
    expect(actionTopology({ kind: 'growOrder', count: 5 })).toBe('event-sourced');
    expect(isEsAction({ kind: 'esSettle' })).toBe(true);
    expect(isEsAction({ kind: 'settle' })).toBe(false);
    expect(actionTopology({ kind: 'cdcWriteMany', count: 100 })).toBe('cdc');
    expect(isCdcAction({ kind: 'cdcSettle' })).toBe(true);
    expect(isCdcAction({ kind: 'esSettle' })).toBe(false);
  });

  it('says why an action does not fit the run, and nothing when it does', () => {
    expect(wrongTopologyText({ kind: 'stageRace' }, 'event-sourced')).toBeNull();
    expect(wrongTopologyText({ kind: 'stageRace' }, 'shop')).toBe(
      '"stageRace" works only in an event-sourced run; this is a shop run',
    );
    expect(wrongTopologyText({ kind: 'steps', count: 1 }, 'event-sourced')).toBe(
      '"steps" works only in a shop run; this is an event-sourced run',
    );
    expect(wrongTopologyText({ kind: 'cdcSettle' }, 'shop')).toBe(
      '"cdcSettle" works only in a change-data-capture run; this is a shop run',
    );
  });
});
