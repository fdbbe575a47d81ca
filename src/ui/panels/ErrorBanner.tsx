// Errors from the conductor (or from a failed command) as a dismissible banner
// above the canvas. The canvas stays up underneath: an error never blanks the page.

import { usePlayground } from '../store/hooks';

export function ErrorBanner() {
  const errors = usePlayground((s) => s.errors);
  const dismiss = usePlayground((s) => s.dismissError);
  if (errors.length === 0) return null;
  return (
    <div className="error-banner" role="alert">
      {errors.map((e) => (
        <div key={e.seq} className="error-item">
          <span className="error-code">{e.code}</span>
          {/* Conductor messages begin with their code already ("MPP009: …"): show it once. */}
          <span className="error-message">{withoutCode(e.message, e.code)}</span>
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
    </div>
  );
}

function withoutCode(message: string, code: string): string {
  return message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
}
