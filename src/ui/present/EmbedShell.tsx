// `?embed=1`: the canvas alone, filling the frame, for slides and the compare
// page's iframes. The run and window.playground are the same as ever; the only
// chrome is one compact line when something failed. With `&present=1` too (the
// compare page on a projector) the canvas is the presenter's compact one.

import { FlowCanvas } from '../canvas/FlowCanvas';
import { ErrorBoundary } from '../panels/ErrorBoundary';
import { usePlayground } from '../store/hooks';
import { flagOn } from './pageMode';
import '../styles/present.css';

function EmbedError() {
  const errors = usePlayground((s) => s.errors);
  const last = errors[errors.length - 1];
  if (!last) return null;
  // Conductor messages often open with their code already ("MPP009: …"): say it once.
  const code = last.message.startsWith(last.code) ? null : <strong>{last.code} </strong>;
  return (
    <p className="embed-error" role="alert" title={last.message}>
      {code}
      {last.message}
      {errors.length > 1 && <span className="embed-error-more"> (+{errors.length - 1} more)</span>}
    </p>
  );
}

export function EmbedShell() {
  const compact = flagOn(new URLSearchParams(window.location.search), 'present');
  return (
    <div className="app embed">
      <EmbedError />
      <main className="embed-canvas">
        <ErrorBoundary region="canvas">
          <FlowCanvas compact={compact} />
        </ErrorBoundary>
      </main>
    </div>
  );
}
