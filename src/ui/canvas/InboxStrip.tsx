// The inbox in one strip: how many messages were processed, and — large — how
// many redeliveries it recognised and skipped. That number is why no one pays twice.

interface Props {
  processed: number;
  duplicatesSkipped: number;
  /** Handler failures seen live; shown beside the label so the strip keeps its height. */
  handlerFailures: number;
}

export function InboxStrip({ processed, duplicatesSkipped, handlerFailures }: Props) {
  return (
    <div className="inbox-strip">
      <div className="inbox-count">
        <div className="inbox-label">
          inbox{handlerFailures > 0 && <span className="inbox-failures"> · {handlerFailures} failed</span>}
        </div>
        <div>
          <strong>{processed}</strong> processed
        </div>
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
