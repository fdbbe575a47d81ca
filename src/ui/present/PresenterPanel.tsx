// Presenter mode's column beside the canvas: which service the keys act on, the
// key legend, and the last command's outcome (the guide's step is the caption under the canvas).

import type { OutboxRow } from '../../core/rows';
import type { ProcessName } from '../../core/telemetry';
import { usePlayground } from '../store/hooks';
import type { MirrorSlice } from '../store/types';
import { useView } from '../store/viewStore';
import { KeyLegend } from './KeyLegend';
import { plainStep, type SubjectOf } from './plainStep';
import type { Feedback } from './presenterCommands';

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

/** The order an event is about, from the outbox row that carried it (while the page still holds it). */
function subjectIn(mirror: MirrorSlice): SubjectOf {
  return (eventId) => {
    for (const tables of Object.values(mirror))
      for (const row of tables.outbox?.values() ?? [])
        if (row.id === eventId) return String((row as unknown as OutboxRow).aggregateid);
    return undefined;
  };
}

/** Deterministic runs: what the last step did, in plain words for the room; the trace's own line as its tooltip. */
function LastStep() {
  const lastStep = usePlayground((s) => (s.sim?.mode === 'deterministic' ? (s.sim.lastStep ?? '—') : null));
  const mirror = usePlayground((s) => s.mirror);
  if (lastStep === null) return null;
  return (
    <p className="present-last-step" data-testid="presenter-last-step" title={lastStep}>
      <span className="present-heading">Last step</span>
      {plainStep(lastStep, subjectIn(mirror))}
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
      <Selection targets={targets} />
      <p role="status" className={feedback?.ok === false ? 'present-feedback refused' : 'present-feedback'}>
        {feedback?.text}
      </p>
      <LastStep />
      <KeyLegend targets={targets} />
    </aside>
  );
}
