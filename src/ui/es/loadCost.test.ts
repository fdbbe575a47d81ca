import { describe, expect, it } from 'vitest';
import type { LoadStat } from '../../runtime/esController';
import { loadCostLine, loadCostText, savingText } from './loadCost';

const withSnap: LoadStat = { snapshots: true, snapshotVersion: 9964, eventsRead: 37, ms: 2.14 };
const without: LoadStat = { snapshots: false, snapshotVersion: null, eventsRead: 10001, ms: 180.2 };

describe('load cost', () => {
  it('says what each load read and how long it took', () => {
    expect(loadCostLine(withSnap)).toBe('1 snapshot (v9,964) + 37 events, 2.1 ms');
    expect(loadCostLine(without)).toBe('10,001 events, 180 ms');
    expect(loadCostLine({ ...without, eventsRead: 1 })).toBe('1 event, 180 ms');
  });

  it('compares the two in one line', () => {
    expect(loadCostText({ withSnapshots: withSnap, withoutSnapshots: without })).toBe(
      'with snapshots: 1 snapshot (v9,964) + 37 events, 2.1 ms — without: 10,001 events, 180 ms',
    );
  });

  it('names the saving, or why there is none', () => {
    expect(savingText({ withSnapshots: withSnap, withoutSnapshots: without })).toBe(
      'The snapshot load read 270× fewer events.',
    );
    expect(savingText({ withSnapshots: { ...without, snapshots: true }, withoutSnapshots: without })).toMatch(
      /No snapshot yet/,
    );
    expect(
      savingText({ withSnapshots: { ...withSnap, eventsRead: 9000 }, withoutSnapshots: without }),
    ).toBeNull();
    expect(savingText({ withSnapshots: { ...withSnap, eventsRead: 0 }, withoutSnapshots: without })).toBe(
      'The snapshot is the latest state: no events to read instead of 10,001.',
    );
  });
});
