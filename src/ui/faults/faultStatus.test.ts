import { describe, expect, it } from 'vitest';
import { describeFault, type Fault } from '../../core/faults/faultPlan';
import { simTimeText, statusOf, statusText } from './faultStatus';

const outage: Fault = { kind: 'broker-outage', publishes: 2 };
const crash: Fault = { kind: 'crash', service: 'payment', point: 'before-commit', nth: 2 };
const report = (index: number, fault: Fault, step: number | null = 4) => ({
  index,
  description: describeFault(fault),
  at: 1250,
  step,
});

describe('statusOf', () => {
  it('is armed until a report names the fault', () => {
    expect(statusOf(outage, 0, [])).toEqual({ state: 'armed' });
  });

  it('is fired once a report has its index and description', () => {
    const fired = report(1, crash);
    expect(statusOf(crash, 1, [fired])).toEqual({ state: 'fired', fired });
  });

  it('does not take the report of a removed fault whose index another now holds', () => {
    expect(statusOf(outage, 0, [report(0, crash)])).toEqual({ state: 'armed' });
  });

  it('calls a slow consumer in effect rather than armed', () => {
    expect(statusOf({ kind: 'slow', group: 'payment', factor: 3 }, 0, [])).toEqual({ state: 'in-effect' });
  });
});

describe('statusText', () => {
  it('says when a fault fired, in steps and simulation time', () => {
    expect(statusText(statusOf(crash, 1, [report(1, crash)]))).toBe('fired at step 4 · t=1.25 s');
    expect(statusText(statusOf(crash, 1, [report(1, crash, null)]))).toBe('fired at t=1.25 s');
    expect(statusText({ state: 'armed' })).toBe('armed');
  });

  it('keeps short simulation times in milliseconds', () => {
    expect(simTimeText(340.4)).toBe('340 ms');
    expect(simTimeText(2000)).toBe('2.00 s');
  });
});
