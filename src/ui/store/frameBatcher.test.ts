import { describe, expect, it } from 'vitest';
import { createFrameBatcher, type Schedule } from './frameBatcher';

function manualSchedule() {
  const pending: (() => void)[] = [];
  const schedule: Schedule = (flush) => {
    pending.push(flush);
    return () => pending.splice(pending.indexOf(flush), 1);
  };
  return { schedule, pending, runFrame: () => pending.splice(0).forEach((f) => f()) };
}

describe('createFrameBatcher', () => {
  it('delivers everything pushed during a frame in one call', () => {
    const frames = manualSchedule();
    const delivered: number[][] = [];
    const b = createFrameBatcher<number>((items) => delivered.push(items), frames.schedule);
    b.push([1, 2]);
    b.push([3]);
    expect(frames.pending).toHaveLength(1);
    expect(delivered).toEqual([]);
    frames.runFrame();
    expect(delivered).toEqual([[1, 2, 3]]);
    b.push([4]);
    frames.runFrame();
    expect(delivered).toEqual([[1, 2, 3], [4]]);
  });

  it('does not schedule for an empty push', () => {
    const frames = manualSchedule();
    createFrameBatcher<number>(() => {}, frames.schedule).push([]);
    expect(frames.pending).toHaveLength(0);
  });

  it('cancel drops the queue and the scheduled frame', () => {
    const frames = manualSchedule();
    const delivered: number[][] = [];
    const b = createFrameBatcher<number>((items) => delivered.push(items), frames.schedule);
    b.push([1]);
    b.cancel();
    expect(frames.pending).toHaveLength(0);
    b.flush();
    expect(delivered).toEqual([]);
  });

  it('falls back to a timer where there are no animation frames (Node)', async () => {
    const delivered: number[][] = [];
    const b = createFrameBatcher<number>((items) => delivered.push(items));
    b.push([1]);
    await new Promise((r) => setTimeout(r, 40));
    expect(delivered).toEqual([[1]]);
  });
});
