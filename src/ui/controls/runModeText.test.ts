import { describe, expect, it } from 'vitest';
import type { SimState } from '../../runtime/controller';
import { runModeText } from './runModeText';

const sim: SimState = {
  mode: 'deterministic',
  seed: 42,
  steps: 17,
  simTime: 300,
  running: false,
  done: false,
  traceHash: null,
  lastStep: null,
};

describe('runModeText', () => {
  it('names a live run plainly', () => {
    expect(runModeText(null, false)).toBe('Live');
    expect(runModeText({ ...sim, mode: 'live' }, false)).toBe('Live');
  });

  it('gives a deterministic run’s seed and step, once reported', () => {
    expect(runModeText(sim, true)).toBe('Deterministic · seed 42 · step 17');
    expect(runModeText(null, true)).toBe('Deterministic');
  });
});
