// "Grow to 10,000 events": the mistake snapshots exist for — one order with a
// stream so long that loading it means reading every event. While it runs the
// button is a progress bar, driven by the stream's version as appends land.

import { useState } from 'react';
import { errorText } from './connectEs';
import { GROW_TARGET, growCount, growFraction, newOrder, target } from './esActions';
import { useEs, useEsContext, useEsView } from './EsContext';
import { count } from './esFormat';
import { streamVersion } from './esState';
import { useToolbarActions } from './useToolbarActions';

interface Growing {
  orderId: string;
  start: number;
  count: number;
}

function GrowProgress({ growing }: { growing: Growing }) {
  // 'grow-progress' events say how far it got; the stream's version stands in until the first arrives.
  const reported = useEs((s) => s.grows[growing.orderId]);
  const version = useEs((s) => streamVersion(s, growing.orderId));
  const fraction =
    reported && reported.total === growing.count
      ? reported.done / reported.total
      : growFraction(growing.start, version, growing.count);
  return (
    <div className="grow-progress" role="status" aria-label={`Growing ${growing.orderId}`}>
      <span className="grow-label">
        {growing.orderId}: {count(Math.max(version, growing.start))} / {count(GROW_TARGET)}
      </span>
      <progress max={1} value={fraction} aria-label={`Events appended to ${growing.orderId}`} />
    </div>
  );
}

export function GrowButton() {
  const { controller, facts, view } = useEsContext();
  const { freshOrder, ordersUp } = useToolbarActions();
  const chosen = useEsView((s) => s.chosen);
  const order = useEs((s) => target('orders', chosen, s.streams));
  const version = useEs((s) => (order ? streamVersion(s, order) : 0));
  const [growing, setGrowing] = useState<Growing | null>(null);
  if (growing) return <GrowProgress growing={growing} />;

  const grow = async () => {
    let orderId = order;
    let start = version;
    if (!orderId) {
      const made = freshOrder();
      await newOrder(controller, made.id, made.n);
      orderId = made.id;
      start = 3;
    }
    view.getState().choose({ store: 'orders', id: orderId });
    setGrowing({ orderId, start, count: growCount(start) });
    try {
      await controller.growOrder(orderId, growCount(start));
    } finally {
      setGrowing(null);
    }
  };
  const full = order !== null && growCount(version) === 0;
  return (
    <button
      type="button"
      className="btn"
      disabled={!ordersUp || full}
      title={
        full
          ? `${order} already has ${count(version)} events`
          : `Append item events to ${order ?? 'a new order'} until its stream holds ${count(GROW_TARGET)} events`
      }
      onClick={() => grow().catch((err: unknown) => facts.getState().reportError('Grow', errorText(err)))}
    >
      Grow to {count(GROW_TARGET)} events
    </button>
  );
}
