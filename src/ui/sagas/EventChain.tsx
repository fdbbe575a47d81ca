// A choreographed saga is nothing but its events: each service reacted to the
// previous one's event and wrote the next to its outbox. Shown as a chain.

import type { SagaView } from '../../core/saga/sagaView';

/** Events that undo a step, and events that say a step could not be done. */
const UNDOING = /Refunded$|Released$|Cancelled$/;
const FAILING = /Failed$/;

function tone(type: string): string {
  if (FAILING.test(type)) return 'chain-failed';
  if (UNDOING.test(type)) return 'chain-undo';
  return 'chain-done';
}

export function EventChain({ view }: { view: SagaView }) {
  if (view.history.length === 0) return <p className="muted">No event written for this order yet.</p>;
  return (
    <ol className="event-chain" aria-label="Event chain">
      {view.history.map((h, i) => (
        <li key={`${h.detail}-${i}`} className={`chain-event ${tone(h.detail)}`}>
          {i > 0 && (
            <span className="chain-arrow" aria-hidden="true">
              →
            </span>
          )}
          <span className="chain-chip">
            <span className="chain-service">{h.step}</span>
            <span className="chain-type">{h.detail}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
