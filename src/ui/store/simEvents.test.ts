import { describe, expect, it } from 'vitest';
import type { ConductorEvent, SimState } from '../../runtime/controller';
import { applyEvents } from './applyEvents';
import { initialState } from './initialState';

const run = (events: ConductorEvent[], state = initialState()) => applyEvents(state, events, 1000);

const sim = (patch: Partial<SimState> = {}): SimState => ({
  mode: 'deterministic',
  seed: 7,
  steps: 12,
  simTime: 340,
  running: false,
  done: false,
  traceHash: 'abc123',
  lastStep: 'payment handles OrderCreated',
  ...patch,
});

const fired = (index: number, at: number, step: number | null = null): ConductorEvent => ({
  kind: 'fault-fired',
  index,
  description: `fault number ${index}`,
  at,
  step,
});

describe('applyEvents: scheduler and fault plan', () => {
  it('keeps the latest scheduler report', () => {
    const last = sim({ steps: 13 });
    expect(
      run([
        { kind: 'sim', sim: sim() },
        { kind: 'sim', sim: last },
      ]).sim,
    ).toBe(last);
  });

  it('shows a deterministic run as playing exactly while its scheduler runs', () => {
    let s = run([{ kind: 'sim', sim: sim({ running: false }) }]);
    expect(s.playing).toBe(false);
    s = run([{ kind: 'sim', sim: sim({ running: true }) }], s);
    expect(s.playing).toBe(true);
  });

  it('leaves a live run’s pause state to the paused events', () => {
    const s = run([
      { kind: 'paused', paused: true },
      { kind: 'sim', sim: sim({ mode: 'live', running: true }) },
    ]);
    expect(s.playing).toBe(false);
  });

  it('keeps the latest fault plan', () => {
    const plan = [{ kind: 'broker-outage' as const, publishes: 2 }];
    expect(initialState().faultPlan).toBeNull();
    expect(run([{ kind: 'fault-plan', plan }]).faultPlan).toBe(plan);
  });

  it('records fired faults in order and logs each once', () => {
    const s = run([fired(1, 40, 3), fired(0, 90, 8)]);
    expect(s.faultsFired).toEqual([
      { index: 1, description: 'fault number 1', at: 40, step: 3 },
      { index: 0, description: 'fault number 0', at: 90, step: 8 },
    ]);
    expect(s.activity.log.map((e) => [e.kind, e.text])).toEqual([
      ['fault', 'fault 2 fired (step 3): fault number 1'],
      ['fault', 'fault 1 fired (step 8): fault number 0'],
    ]);
  });

  it('ignores a fired fault reported again to a new listener', () => {
    const s = run([fired(0, 90)], run([fired(0, 90)]));
    expect(s.faultsFired).toHaveLength(1);
    expect(s.activity.log).toHaveLength(1);
    expect(s.activity.log[0].text).toBe('fault 1 fired: fault number 0');
  });

  it('keeps fired faults as history when a new plan arrives', () => {
    const s = run([{ kind: 'fault-plan', plan: [] }], run([fired(0, 90)]));
    expect(s.faultsFired).toHaveLength(1);
  });

  it('leaves the fired list identical when nothing fired', () => {
    const s0 = initialState();
    expect(run([{ kind: 'sim', sim: sim() }], s0).faultsFired).toBe(s0.faultsFired);
  });
});
