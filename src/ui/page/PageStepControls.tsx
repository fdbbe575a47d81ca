// Deterministic runs of any page run by its own controller (event-sourced,
// CDC): Play or Pause the scheduler, grant one step, or every step to the
// end, and say what the last step did — the shop toolbar's controls, over the
// basics every run's conductor has. A live run shows nothing here.

import { useEffect, useState } from 'react';
import type { SimState, SteppedRun } from '../../runtime/controller';
import { errorText } from '../store/connect';
import { StepBackButton, StepThroughPastButton, usePastStep } from '../history/timeline/StepBack';

interface Props {
  /** The page shows past moments (a timeline under its canvas): Step back and Step through the past are offered. */
  rewinds?: boolean;
  controller: SteppedRun & { subscribe(listener: (events: { kind: string }[]) => void): () => void };
}

export function PageStepControls({ controller, rewinds = false }: Props) {
  const deterministic = controller.mode === 'deterministic';
  const [sim, setSim] = useState<SimState | null>(() => (deterministic ? controller.simState() : null));
  const [failed, setFailed] = useState<string | null>(null);
  const past = usePastStep(sim?.steps ?? 0);
  const pastStep = rewinds ? past : null;
  useEffect(() => {
    if (!deterministic) return;
    return controller.subscribe((events) => {
      for (const e of events) if (e.kind === 'sim') setSim((e as { kind: 'sim'; sim: SimState }).sim);
    });
  }, [controller, deterministic]);
  if (!deterministic || !sim) return null;
  const act = (name: string, run: () => Promise<void> | void) => () => {
    setFailed(null);
    void Promise.resolve()
      .then(run)
      .catch((error: unknown) => setFailed(`${name} failed: ${errorText(error)}`));
  };
  return (
    <div className="toolbar-actions step-controls" role="group" aria-label="Deterministic run">
      <button
        type="button"
        className="btn"
        disabled={sim.done}
        onClick={act(sim.running ? 'Pause' : 'Play', () =>
          sim.running ? controller.pause() : controller.play(),
        )}
        title={sim.running ? 'Stop granting steps' : 'Let the scheduler grant steps on its own'}
      >
        {sim.running ? 'Pause' : 'Play'}
      </button>
      {rewinds && <StepBackButton now={sim.steps} />}
      {pastStep ? (
        <StepThroughPastButton onClick={pastStep} />
      ) : (
        <button
          type="button"
          className="btn"
          disabled={sim.done}
          onClick={act('Step', async () => {
            controller.pause();
            await controller.step();
          })}
          title={sim.done ? 'Nothing is left to do' : 'Grant exactly one step (pauses the scheduler first)'}
        >
          Step
        </button>
      )}
      <button
        type="button"
        className="btn"
        disabled={sim.done}
        onClick={act('Run to end', () => controller.runToEnd())}
        title={
          sim.done ? 'Nothing is left to do' : 'Grant steps as fast as possible until nothing is left to do'
        }
      >
        Run to end
      </button>
      <span
        className="last-step"
        data-testid="last-step"
        aria-live="polite"
        title={sim.lastStep ?? undefined}
      >
        step {sim.steps}
        {sim.done ? ' · done' : ''}
        {sim.lastStep ? ` · ${sim.lastStep}` : ''}
      </span>
      {failed && (
        <span className="step-error" role="alert">
          {failed}
        </span>
      )}
    </div>
  );
}
