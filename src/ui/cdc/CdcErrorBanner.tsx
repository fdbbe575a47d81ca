// The run's errors (from the controller, or a toolbar action that failed)
// above the canvas, each dismissible; and a poll that failed while every
// process was up. The canvas stays up underneath.

import { useCdc } from './CdcContext';

export function CdcErrorBanner() {
  const errors = useCdc((s) => s.errors);
  const dismiss = useCdc((s) => s.dismissError);
  const pollError = useCdc((s) => s.pollError);
  if (!errors.length && !pollError) return null;
  return (
    <div className="error-banner" role="alert">
      {errors.map((e) => (
        <div key={e.seq} className="error-item">
          <span className="error-code">{e.code}</span>
          <span className="error-message">
            {e.message.startsWith(`${e.code}: `) ? e.message.slice(e.code.length + 2) : e.message}
          </span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => dismiss(e.seq)}
            aria-label={`Dismiss error ${e.code}`}
          >
            Dismiss
          </button>
        </div>
      ))}
      {pollError && (
        <div className="error-item">
          <span className="error-code">poll</span>
          <span className="error-message">Could not read the run’s state: {pollError}</span>
        </div>
      )}
    </div>
  );
}
