// `?present=1`: the playground for a room. Larger chrome, the side panel folded
// so the canvas gets the width, the secondary controls hidden, and the keyboard
// in charge (present.css scales; keyMap.ts says which key does what).

import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import type { ProcessName } from '../../core/telemetry';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { useController } from '../controls/ControllerContext';
import { Toolbar } from '../controls/Toolbar';
import { ErrorBanner } from '../panels/ErrorBanner';
import { ErrorBoundary } from '../panels/ErrorBoundary';
import { SidePanel } from '../panels/SidePanel';
import { useView, viewStore } from '../store/viewStore';
import { selectionTargets } from './keyMap';
import { KeyMapDialog } from './KeyMapDialog';
import { PresenterPanel } from './PresenterPanel';
import { NarrativeCaption } from './NarrativeCaption';
import { PresenterQuestion } from './PresenterQuestion';
import { runPresenterAction } from './presenterCommands';
import { useFeedback } from './useFeedback';
import { usePresenterDeps } from './usePresenterDeps';
import { usePresenterKeys } from './usePresenterKeys';
import '../styles/canvasCompact.css';
import '../styles/present.css';

/** A click on a node selects it too, so pointer and keys agree on what `c` and `r` act on. */
function selectClicked(event: MouseEvent, targets: readonly ProcessName[]) {
  const node = event.target instanceof Element ? event.target.closest('[data-testid^="node-"]') : null;
  const name = node?.getAttribute('data-testid')?.slice('node-'.length);
  const target = targets.find((t) => t === name);
  if (target) viewStore.getState().selectProcess(target);
}

export function PresenterShell() {
  const controller = useController();
  const targets = useMemo(() => selectionTargets(controller.processNames), [controller]);
  const deps = usePresenterDeps();
  const [feedback, say] = useFeedback();
  const [help, setHelp] = useState(false);
  const selected = useView((s) => s.selectedProcess);
  const folded = useView((s) => s.sideCollapsed);
  // The audience watches the canvas: give it the width; `f` or « brings the panel back, over the
  // canvas's right edge (present.css), so the canvas keeps its size and its zoom.
  useEffect(() => {
    viewStore.getState().setSideCollapsed(true);
  }, []);
  usePresenterKeys((action) => {
    if (action.kind === 'help') setHelp((open) => !open);
    else if (action.kind === 'close') setHelp(false);
    else void runPresenterAction(action, deps, say);
  });
  return (
    <div className="app present" data-selected={selected ?? undefined}>
      <Toolbar />
      <ErrorBanner />
      <main className={folded ? 'workspace present-workspace side-folded' : 'workspace present-workspace'}>
        <div className="present-canvas" onClick={(event) => selectClicked(event, targets)}>
          <ErrorBoundary region="canvas">
            <FlowCanvas compact />
          </ErrorBoundary>
          <NarrativeCaption />
          <PresenterQuestion />
        </div>
        <PresenterPanel targets={targets} feedback={feedback} />
        <SidePanel />
      </main>
      {help && <KeyMapDialog targets={targets} onClose={() => setHelp(false)} />}
    </div>
  );
}
