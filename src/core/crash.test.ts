import { describe, expect, it } from 'vitest';
import { CrashSwitch, CrashSignal } from './crash';

describe('crash switch', () => {
  it('fires the nth time an armed point is reached, and never again after death', () => {
    const died: string[] = [];
    const crash = new CrashSwitch((point) => died.push(point));
    crash.arm('relay-after-publish-before-mark', 3);
    crash.at('relay-after-publish-before-mark');
    crash.at('before-commit');
    crash.at('relay-after-publish-before-mark');
    expect(() => crash.at('relay-after-publish-before-mark')).toThrow(CrashSignal);
    expect(died).toEqual(['relay-after-publish-before-mark']);
    expect(() => crash.at('before-commit')).toThrow(CrashSignal); // a dead process goes no further
    expect(() => crash.assertAlive()).toThrow(CrashSignal);
  });
});
