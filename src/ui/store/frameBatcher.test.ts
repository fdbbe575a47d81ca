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

/** A governor's timers, fired by the test once the clock `now()` reads has reached them. */
function manualTimers(now: () => number) {
  const timers: { at: number; fn: () => void }[] = [];
  const delay = (ms: number, then: () => void) => {
    const timer = { at: now() + ms, fn: then };
    timers.push(timer);
    return () => void timers.splice(timers.indexOf(timer), 1);
  };
  const fireDue = () => {
    for (const timer of timers.filter((x) => x.at <= now())) {
      timers.splice(timers.indexOf(timer), 1);
      timer.fn();
    }
  };
  return { delay, fireDue };
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

  it('under sustained load hands over at most every busyIntervalMs, says it is busy, and calms down once load stops', () => {
    let t = 0;
    const frames = manualSchedule();
    const timers = manualTimers(() => t);
    const delivered: [number, number, boolean][] = [];
    const b = createFrameBatcher<number>(
      (items, busy) => delivered.push([t, items.length, busy]),
      frames.schedule,
      { busyItemsPerSecond: 100, busyIntervalMs: 250, now: () => t, delay: timers.delay },
    );
    const advance = (until: number, push: boolean) => {
      for (; t < until; t++) {
        if (push && t % 10 === 0) b.push([1, 2]); // 200 items a second
        timers.fireDue();
        if (t % 16 === 0) frames.runFrame();
      }
    };
    advance(3000, true);
    const busy = delivered.filter(([, , isBusy]) => isBusy);
    expect(busy.length).toBeGreaterThan(5);
    // Once busy, hand-overs are at least 250 ms apart (a frame may add a little).
    for (let i = 1; i < busy.length; i++) expect(busy[i][0] - busy[i - 1][0]).toBeGreaterThanOrEqual(250);
    advance(6000, false);
    expect(delivered.at(-1)).toEqual([expect.any(Number), 0, false]);
    expect(b.busy).toBe(false);
  });

  it('weighs items as the governor says (a commit counts its rows)', () => {
    let t = 0;
    const frames = manualSchedule();
    const seen: boolean[] = [];
    const b = createFrameBatcher<number>((_, busy) => seen.push(busy), frames.schedule, {
      busyItemsPerSecond: 100,
      busyIntervalMs: 250,
      now: () => t,
      weigh: (n) => n,
    });
    b.push([500]);
    frames.runFrame();
    t = 10;
    b.push([1]);
    expect(seen).toEqual([true]);
  });

  it('while busy hands over from its timer, asking for no animation frame', () => {
    let t = 0;
    const frames = manualSchedule();
    const timers = manualTimers(() => t);
    const delivered: [number, number][] = [];
    const b = createFrameBatcher<number>((items) => delivered.push([t, items.length]), frames.schedule, {
      busyItemsPerSecond: 10,
      busyIntervalMs: 250,
      now: () => t,
      delay: timers.delay,
    });
    b.push(Array.from({ length: 20 }, () => 1));
    frames.runFrame();
    expect(b.busy).toBe(true);
    t = 100;
    b.push([1]);
    expect(frames.pending).toHaveLength(0);
    t = 250;
    timers.fireDue();
    expect(delivered).toEqual([
      [0, 20],
      [250, 1],
    ]);
  });
});
