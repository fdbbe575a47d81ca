// Picks the order (saga) the sequence view lays out: each named by its order
// id, shortened, with the correlation id and saga in its title.

import { shortId } from '../../format';
import type { OrderThread } from '../../../core/history/orderSequence';
import { momentLabel } from '../momentLabel';

export function ThreadPicker({
  threads,
  value,
  onPick,
}: {
  threads: readonly OrderThread[];
  value: string;
  onPick: (correlation: string) => void;
}) {
  const picked = threads.find((t) => t.correlation === value);
  return (
    <label className="seq-picker">
      <span>Order</span>
      <select
        value={value}
        onChange={(e) => onPick(e.target.value)}
        title={picked ? threadTitle(picked) : undefined}
      >
        {threads.map((t) => (
          <option key={t.correlation} value={t.correlation} title={threadTitle(t)}>
            {shortId(t.orderId)} · {t.type} · {momentLabel(t.at, t.step)}
          </option>
        ))}
      </select>
    </label>
  );
}

function threadTitle(t: OrderThread): string {
  return [`order ${t.orderId}`, `correlation ${t.correlation}`, t.sagaId ? `saga ${t.sagaId}` : '']
    .filter(Boolean)
    .join('\n');
}
