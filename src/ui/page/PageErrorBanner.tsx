// A page run's errors (from its controller, or an action that failed) above
// its canvas or panels, each dismissible; and a poll that failed while every
// process was up. What is underneath stays up.

import { useStore, type StoreApi } from 'zustand';
import { ERROR_CATALOGUE } from '../../core/errorCatalogue';
import type { PageData } from './pageFacts';

interface PageError {
  seq: number;
  code: string;
  message: string;
}

interface PageErrorBannerProps {
  errors: readonly PageError[];
  dismiss: (seq: number) => void;
  pollError: string | null;
}

export function PageErrorBanner({ errors, dismiss, pollError }: PageErrorBannerProps) {
  if (!errors.length && !pollError) return null;
  return (
    <div className="error-banner" role="alert">
      {errors.map((e) => (
        <div key={e.seq} className="error-item">
          <span className="error-code">{e.code}</span>
          {/* Conductor messages begin with their code already ("MPP009: …"): show it once. */}
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
          <span className="error-code">{ERROR_CATALOGUE.POLL_FAILED.code}</span>
          <span className="error-message">
            {ERROR_CATALOGUE.POLL_FAILED.title} {pollError}
          </span>
        </div>
      )}
    </div>
  );
}

/** The banner of a page whose facts keep PageData (CDC, event-sourced): its errors and failed polls. */
export function FactsErrorBanner({
  facts,
}: {
  facts: StoreApi<PageData & { dismissError(seq: number): void }>;
}) {
  const errors = useStore(facts, (s) => s.errors);
  const dismiss = useStore(facts, (s) => s.dismissError);
  const pollError = useStore(facts, (s) => s.pollError);
  return <PageErrorBanner errors={errors} dismiss={dismiss} pollError={pollError} />;
}
