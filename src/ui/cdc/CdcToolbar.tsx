// The CDC run's toolbar: what this page is, which run, and the writes that
// give the canvas something to show — one listing at a time, or a hundred.

import { useCdcContext } from './CdcContext';
import { SettleButton } from './SettleButton';
import { WriteForms } from './WriteForms';
import { WriteManyButton } from './WriteManyButton';

function RunBadge() {
  const { controller } = useCdcContext();
  return (
    <span
      className="run-mode"
      data-testid="run-mode"
      title={`Run ${controller.runId || '(none)'}: every process runs freely on real time (${controller.scenario().pace} pace).`}
    >
      Live
    </span>
  );
}

export function CdcToolbar() {
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
    </header>
  );
}
