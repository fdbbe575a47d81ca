// "Settle": wait until the connector has published the whole log and the
// query service has applied it, then let the checker compare — and show its verdict.

import { useState } from 'react';
import { useCdcContext } from './CdcContext';
import { errorText } from './connectCdc';

export function SettleButton() {
  const { controller, facts, view } = useCdcContext();
  const [busy, setBusy] = useState(false);
  const settle = async () => {
    setBusy(true);
    try {
      await controller.settle();
      view.getState().setTab('anomalies');
    } catch (err) {
      // A toolbar has no room beside the button: the banner says it.
      facts.getState().reportError('Settle', errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="btn"
      disabled={busy}
      onClick={() => void settle()}
      title="Wait until every change is published and applied, then check the invariants"
    >
      {busy ? 'Settling…' : 'Settle'}
    </button>
  );
}
