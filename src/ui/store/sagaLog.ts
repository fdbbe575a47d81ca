// Pure: the saga moments worth a line in the event log, read off one commit of
// the orchestrator's sagas table — a saga turning back, getting stuck, or ending.

import type { Row } from '../../core/rows';
import type { Change } from '../../core/telemetry';
import { shortId } from '../format';

const NOTABLE: Record<string, (row: Row) => string> = {
  COMPENSATING: (r) => `compensating after ${String(r.failure ?? 'a failure')}`,
  STUCK: (r) => `STUCK: ${String(r.stuckReason ?? 'a compensation keeps failing')}`,
  COMPENSATED: () => 'fully compensated',
};

/**
 * Log lines for sagas whose status changed in `changes`. `statusBefore` gives a
 * saga's status before this batch; changes within the batch are followed in order.
 * Completions are left out: under load they would drown the log.
 */
export function sagaLogLines(changes: readonly Change[], statusBefore: (id: unknown) => unknown): string[] {
  const seen = new Map<unknown, unknown>();
  const lines: string[] = [];
  for (const change of changes) {
    if (change.table !== 'sagas' || change.op !== 'put') continue;
    const before = seen.has(change.key) ? seen.get(change.key) : statusBefore(change.key);
    const status = change.row.status;
    seen.set(change.key, status);
    if (status === before || typeof status !== 'string' || !NOTABLE[status]) continue;
    lines.push(`saga for ${shortId(change.row.orderId)} ${NOTABLE[status](change.row)}`);
  }
  return lines;
}
