// Presenter mode's column beside the canvas: where the narrative stands, which
// service the keys act on, the key legend, and the last command's outcome.

import { useShallow } from 'zustand/react/shallow';
import type { ProcessName } from '../../core/telemetry';
import { usePlayground } from '../store/hooks';
import { useNarrative } from '../store/narrativeStore';
import { useView } from '../store/viewStore';
import { KeyLegend } from './KeyLegend';
import type { Feedback } from './presenterCommands';

function NarrativePosition() {
  const { step, length } = useNarrative(useShallow((s) => ({ step: s.step, length: s.length })));
  if (length === 0) return null;
  return (
    <p className="present-narrative" data-testid="narrative-position">
      <span className="present-heading">Narrative</span>
      <strong>
        {step + 1} / {length}
      </strong>
    </p>
  );
}

function Selection({ targets }: { targets: readonly ProcessName[] }) {
  const selected = useView((s) => s.selectedProcess);
  const status = usePlayground((s) =>
    selected ? s.processes[selected as keyof typeof s.processes]?.status : undefined,
  );
  return (
    <p className="present-selection" data-testid="presenter-selection">
      <span className="present-heading">Selected</span>
      {selected ? (
        <>
          <kbd>{targets.indexOf(selected) + 1}</kbd> <strong>{selected}</strong>
          {status && <span className={`present-status-word status-${status}`}>{status}</span>}
        </>
      ) : (
        <span className="muted">none</span>
      )}
    </p>
  );
}

/** Deterministic runs: what the last step did, in words (the toolbar has no room for it here). */
function LastStep() {
  const lastStep = usePlayground((s) => (s.sim?.mode === 'deterministic' ? (s.sim.lastStep ?? '—') : null));
  if (lastStep === null) return null;
  return (
    <p className="present-last-step" data-testid="presenter-last-step">
      <span className="present-heading">Last step</span>
      {lastStep}
    </p>
  );
}

export function PresenterPanel({
  targets,
  feedback,
}: {
  targets: readonly ProcessName[];
  feedback: Feedback | null;
}) {
  return (
    <aside className="present-panel" aria-label="Presenter">
      <NarrativePosition />
      <Selection targets={targets} />
      <p role="status" className={feedback?.ok === false ? 'present-feedback refused' : 'present-feedback'}>
        {feedback?.text}
      </p>
      <LastStep />
      <KeyLegend targets={targets} />
    </aside>
  );
}
