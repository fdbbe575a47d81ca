// Which kind of run this is, always in view: "Live", or "Deterministic · seed
// N · step S" — the seed and step are what it takes to replay the run to here.
// A finished deterministic run also shows "done" and its trace hash, which two
// runs of the same scenario and seed must share.

import { usePlayground } from '../store/hooks';
import { useController } from './ControllerContext';
import { runModeText } from './runModeText';

/** Enough of the hash to compare two runs by eye; the title holds the whole of it. */
const HASH_SHOWN = 8;

export function RunModeBadge() {
  const controller = useController();
  const sim = usePlayground((s) => s.sim);
  const deterministic = (sim?.mode ?? controller.mode) === 'deterministic';
  const help = deterministic
    ? `Every step is granted by a scheduler seeded with this seed: the same scenario and seed replay exactly.${
        sim?.lastStep ? ` Last step: ${sim.lastStep}.` : ''
      }`
    : 'Every process runs freely on real time: two runs differ.';
  return (
    <div className="run-mode-group">
      <span
        className={deterministic ? 'run-mode run-mode-deterministic' : 'run-mode'}
        data-testid="run-mode"
        title={help}
      >
        {runModeText(sim, deterministic)}
      </span>
      {deterministic && sim?.done && (
        <span className="sim-done" data-testid="sim-done">
          ✓ done
        </span>
      )}
      {deterministic && sim?.traceHash && (
        <code className="trace-hash" data-testid="trace-hash" title={`Trace hash: ${sim.traceHash}`}>
          {sim.traceHash.slice(0, HASH_SHOWN)}
        </code>
      )}
    </div>
  );
}
