import { describe, expect, it } from 'vitest';
import { SimClock } from './clock';

describe('simulation clock', () => {
  it('stands still while paused and runs at its speed otherwise', () => {
    let real = 1000;
    const clock = new SimClock(() => real);
    real += 100;
    expect(clock.now()).toBe(100);
    clock.change({ paused: true });
    real += 500;
    expect(clock.now()).toBe(100);
    clock.change({ paused: false, speed: 4 });
    real += 50;
    expect(clock.now()).toBe(300);
  });

  it('can be copied to another process through its timing', () => {
    let real = 0;
    const a = new SimClock(() => real);
    a.change({ speed: 2 });
    const b = new SimClock(() => real, a.get());
    real += 10;
    expect(b.now()).toBe(a.now());
  });
});
