import { describe, expect, it } from 'vitest';
import type { Fault } from '../../core/faults/faultPlan';
import { crashNotes } from './crashNotes';
import type { LogEntry } from '../store/types';

const log: LogEntry[] = [
  { seq: 1, at: 1000, kind: 'crashed', process: 'payment', text: 'payment crashed at before-commit' },
  { seq: 2, at: 1100, kind: 'recovered', process: 'payment', text: 'payment recovered' },
  { seq: 3, at: 1200, kind: 'crashed', process: 'broker', text: 'broker killed (crash now)' },
];
const plan: Fault[] = [
  { kind: 'duplicate', group: 'payment', type: 'OrderCreated' },
  { kind: 'crash', service: 'inventory', point: 'consumer-after-commit-before-ack', nth: 2 },
];
const fired = [
  { index: 0, description: 'dup', at: 5, step: 3 },
  { index: 1, description: 'crash', at: 9, step: 7 },
];
const data = {
  activity: { services: {} as never, log },
  faultsFired: fired,
  faultPlan: plan,
};

describe('crashNotes', () => {
  it('takes a live run’s crashes from the log, on the wall clock its rows use', () => {
    expect(crashNotes(data, 'live', [])).toEqual([
      { at: 1000, process: 'payment', text: 'payment crashed at before-commit' },
      { at: 1200, process: 'broker', text: 'broker killed (crash now)' },
    ]);
  });

  it('takes a deterministic run’s crashes from the fired faults, on simulation time', () => {
    expect(crashNotes(data, 'deterministic', [])).toEqual([
      { at: 9, process: 'inventory', text: 'inventory crashed at consumer-after-commit-before-ack' },
    ]);
    expect(crashNotes({ ...data, faultPlan: null }, 'deterministic', plan)).toHaveLength(1);
  });

  it('is empty for a run without crashes', () => {
    expect(
      crashNotes(
        { activity: { services: {} as never, log: [] }, faultsFired: [], faultPlan: null },
        'live',
        [],
      ),
    ).toEqual([]);
  });
});
