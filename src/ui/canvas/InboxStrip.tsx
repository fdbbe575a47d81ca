// The inbox in one strip: how many messages were processed, and — large — how
// many redeliveries it recognised and skipped. That number is why no one pays twice.
// A saga participant whose semantic lock turned a late command away says so here too:
// that refusal is why a cancelled order is not charged after all.
// The processed count opens the inbox's rows, each one inspectable.

import { useState } from 'react';
import type { ServiceName } from '../../core/rows';
import { FullTable } from './FullTable';

interface Props {
  service: ServiceName;
  /** False in a run with the inbox switched off: the strip says so instead of counting skips that cannot happen. */
  on?: boolean;
  processed: number;
  duplicatesSkipped: number;
  /** Handler failures seen live; shown beside the label so the strip keeps its height. */
  handlerFailures: number;
  /** Late saga commands refused by a semantic lock, and why the latest one was. */
  lateRefused?: number;
  lastRefusal?: string | null;
}

export function InboxStrip({
  service,
  on = true,
  processed,
  duplicatesSkipped,
  handlerFailures,
  lateRefused = 0,
  lastRefusal = null,
}: Props) {
  const [open, setOpen] = useState(false);
  if (!on)
    return (
      <div className="inbox-strip inbox-off" data-testid="inbox-off">
        <div className="inbox-count">
          <div className="inbox-label">
            inbox off
            {handlerFailures > 0 && <span className="inbox-failures"> · {handlerFailures} failed</span>}
          </div>
          <div className="muted">no message id kept</div>
        </div>
        <div
          className="dup-counter dup-off"
          title="With the inbox off nothing records which messages were handled: a redelivery is handled again."
        >
          <span>a repeat is handled again</span>
        </div>
      </div>
    );
  return (
    <div className="inbox-strip">
      <div className="inbox-count">
        <div className="inbox-label">
          inbox{handlerFailures > 0 && <span className="inbox-failures"> · {handlerFailures} failed</span>}
        </div>
        <button
          type="button"
          className="link-button inbox-rows nodrag"
          aria-label={`Show the ${processed} inbox rows of ${service}`}
          title="Every message this service took: click one to inspect it"
          onClick={() => setOpen(true)}
        >
          <strong>{processed}</strong> processed
        </button>
        {open && <FullTable service={service} table="inbox" idempotencyKeys onClose={() => setOpen(false)} />}
        {lateRefused > 0 && (
          <div
            className="late-refused"
            data-testid="late-refused"
            title={`Semantic lock: a command that arrived after its step was compensated is refused, not carried out. Latest: ${lastRefusal ?? ''}`}
          >
            <strong>{lateRefused}</strong> late refused
          </div>
        )}
      </div>
      <div
        className={duplicatesSkipped > 0 ? 'dup-counter dup-hit' : 'dup-counter'}
        aria-label={`duplicates skipped: ${duplicatesSkipped}`}
      >
        <span>duplicates skipped</span>
        <strong className="dup-number">{duplicatesSkipped}</strong>
      </div>
    </div>
  );
}
