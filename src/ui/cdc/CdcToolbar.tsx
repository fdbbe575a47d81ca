// The CDC run's toolbar: what this page is, which run, and the writes that
// give the canvas something to show — one listing at a time, or a hundred.

import { useCdcContext } from './CdcContext';
import { SettleButton } from './SettleButton';
import { WriteForms } from './WriteForms';
import { WriteManyButton } from './WriteManyButton';
import { runModeText } from '../page/runModeText';
import { PageStepControls } from '../page/PageStepControls';

function RunBadge() {
  const { controller } = useCdcContext();
  const { label, title } = runModeText(controller.runId, controller.mode, controller.scenario());
  return (
    <span className="run-mode" data-testid="run-mode" title={title}>
      {label}
    </span>
  );
}

export function CdcToolbar() {
  const { controller } = useCdcContext();
  return (
    <header className="toolbar es-toolbar cdc-toolbar">
      <h1 className="app-title es-title">
        Messaging Patterns Playground
        <span className="app-subtitle">Change data capture</span>
      </h1>
      <RunBadge />
      <div className="toolbar-actions" role="group" aria-label="Writes to the legacy listings table">
        <WriteForms />
        <WriteManyButton />
        <SettleButton />
      </div>
      <PageStepControls controller={controller} rewinds />
    </header>
  );
}
