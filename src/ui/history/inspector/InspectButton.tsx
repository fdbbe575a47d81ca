// A small "inspect" button for a list whose rows already do something else
// when clicked (a replay's event picks its version): it opens the item in the
// History tab's inspector, as a clicked canvas row does.

import { historyView, type InspectTarget } from '../historyViewStore';

export function InspectButton({ target, label }: { target: InspectTarget; label: string }) {
  return (
    <button
      type="button"
      className="btn btn-small inspect-button"
      aria-label={`Inspect ${label}`}
      title="Show it whole in the History tab: the transaction that committed it and what it caused"
      onClick={() => historyView.getState().inspect(target)}
    >
      inspect
    </button>
  );
}
