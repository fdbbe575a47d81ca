import { describe, expect, it } from 'vitest';
import {
  knownSnapshots,
  listWindow,
  snapshotMarks,
  stepVersion,
  timeOnDayOf,
  versionAtTime,
} from './replayMath';

describe('snapshot marks', () => {
  it('places marks by version and drops ones out of range', () => {
    expect(snapshotMarks(40, [10, 20, 50, 0])).toEqual([
      { version: 10, percent: 25, labelled: true },
      { version: 20, percent: 50, labelled: true },
    ]);
    expect(snapshotMarks(0, [10])).toEqual([]);
  });

  it('numbers only a few of many marks, always the newest', () => {
    const marks = snapshotMarks(
      10_000,
      Array.from({ length: 100 }, (_, i) => (i + 1) * 100),
      5,
    );
    expect(marks).toHaveLength(100);
    const labelled = marks.filter((m) => m.labelled).map((m) => m.version);
    expect(labelled.length).toBeLessThanOrEqual(5);
    expect(labelled.at(-1)).toBe(10_000);
  });
});

describe('replay', () => {
  it('steps within bounds', () => {
    expect(stepVersion(3, 1, 5)).toBe(4);
    expect(stepVersion(5, 1, 5)).toBe(5);
    expect(stepVersion(0, -1, 5)).toBe(0);
  });

  it('windows a long list around the focus', () => {
    expect(listWindow(10, 3, 20)).toEqual([0, 10]);
    expect(listWindow(10_000, 5000, 40)).toEqual([4980, 5020]);
    expect(listWindow(10_000, 9999, 40)).toEqual([9960, 10_000]);
    expect(listWindow(10_000, 2, 40)).toEqual([0, 40]);
  });

  it('merges seen snapshots with the newest', () => {
    expect(knownSnapshots([20, 10], 30)).toEqual([10, 20, 30]);
    expect(knownSnapshots(undefined, null)).toEqual([]);
    expect(knownSnapshots([10], 10)).toEqual([10]);
  });
});

describe('time travel', () => {
  const events = [
    { version: 1, at: 1_000 },
    { version: 2, at: 2_000 },
    { version: 3, at: 2_000 },
    { version: 4, at: 5_000 },
  ];
  it('a stream was at the version of its last event at or before T', () => {
    expect(versionAtTime(events, 500)).toBe(0);
    expect(versionAtTime(events, 2_000)).toBe(3);
    expect(versionAtTime(events, 4_999)).toBe(3);
    expect(versionAtTime(events, 9_000)).toBe(4);
  });
  it('reads HH:MM:SS(.mmm) on the day of the first event, and refuses anything else', () => {
    const reference = new Date(2026, 10, 24, 9, 0, 0).getTime();
    expect(timeOnDayOf(reference, '10:31:02.5')).toBe(new Date(2026, 10, 24, 10, 31, 2, 500).getTime());
    expect(timeOnDayOf(reference, '7:05')).toBe(new Date(2026, 10, 24, 7, 5, 0, 0).getTime());
    expect(timeOnDayOf(reference, 'noon')).toBeNull();
  });
});
