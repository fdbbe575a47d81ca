import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPoller } from './poller';

describe('createPoller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('polls at once, then every interval', async () => {
    const run = vi.fn(() => Promise.resolve());
    const p = createPoller(run, { intervalMs: 500, minGapMs: 100 });
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    p.stop();
    await vi.advanceTimersByTimeAsync(2000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('answers a kick within the minimum gap, not at the next interval', async () => {
    const run = vi.fn(() => Promise.resolve());
    const p = createPoller(run, { intervalMs: 500, minGapMs: 100 });
    await vi.advanceTimersByTimeAsync(10);
    p.kick();
    p.kick();
    await vi.advanceTimersByTimeAsync(90);
    expect(run).toHaveBeenCalledTimes(2);
    p.stop();
  });

  it('never overlaps: a kick during a run polls once more after it', async () => {
    let release!: () => void;
    let active = 0;
    let maxActive = 0;
    const run = vi.fn(() => {
      active++;
      maxActive = Math.max(maxActive, active);
      return new Promise<void>((r) => (release = () => (active--, r())));
    });
    const p = createPoller(run, { intervalMs: 500, minGapMs: 50 });
    await vi.advanceTimersByTimeAsync(0);
    p.kick();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(60);
    expect(run).toHaveBeenCalledTimes(2);
    expect(maxActive).toBe(1);
    p.stop();
  });

  it('keeps polling after a failed run', async () => {
    const run = vi.fn(() => Promise.reject(new Error('down')));
    const p = createPoller(run, { intervalMs: 100, minGapMs: 10 });
    await vi.advanceTimersByTimeAsync(250);
    expect(run).toHaveBeenCalledTimes(3);
    p.stop();
  });
});
