// Deterministic runs only: grant the scheduler's next step, or every step to
// the end, and say what the last step did. Both stop once nothing is left to
// do; Play and Pause (beside them) let the scheduler grant steps on its own.

import { usePlayground } from '../store/hooks';
import { useController } from './ControllerContext';
import { useActions } from './useActions';
import { StepBackButton, StepThroughPastButton, usePastStep } from '../history/timeline/StepBack';

const BUTTONS = [
  { label: 'Step', help: 'Grant exactly one step (pauses the scheduler first)', act: 'step' },
  {
    label: 'Run to end',
    help: 'Grant steps as fast as possible until nothing is left to do',
    act: 'runToEnd',
  },
] as const;

export function StepControls() {
  const controller = useController();
  const actions = useActions();
  const sim = usePlayground((s) => s.sim);
  const pastStep = usePastStep(sim?.steps ?? 0);
  if ((sim?.mode ?? controller.mode) !== 'deterministic') return null;
  const done = sim?.done ?? false;
  return (
    <>
      <StepBackButton now={sim?.steps ?? 0} />
      {BUTTONS.map((b) =>
        b.act === 'step' && pastStep ? (
          <StepThroughPastButton key={b.act} onClick={pastStep} />
        ) : (
          <button
            key={b.act}
            type="button"
            className="btn"
            disabled={done}
            title={done ? 'Nothing is left to do' : b.help}
            onClick={() => actions[b.act]()}
          >
            {b.label}
          </button>
        ),
      )}
      {sim?.lastStep && (
        <span className="last-step" data-testid="last-step" title={sim.lastStep} aria-live="polite">
          {sim.lastStep}
        </span>
      )}
    </>
  );
}
