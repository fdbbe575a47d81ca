// The order service as two-phase-commit coordinator: its log of transactions
// (a decision is written before phase two, so a restart can finish it) and, in
// large, how many are in doubt — participants holding locks, not knowing the outcome.

import type { Row } from '../../core/rows';
import { shortId } from '../format';
import type { CoordinatorView } from '../store/twoPhase';
import type { Column } from './columns';
import { DataTable } from './DataTable';

const COLUMNS: Column[] = [
  {
    header: 'tx',
    cell: (r) => <span title={String(r.txId)}>{shortId(r.txId)}</span>,
    kind: 'key',
    width: '24%',
  },
  {
    header: 'order',
    cell: (r) => <span title={String(r.orderId)}>{shortId(r.orderId)}</span>,
    kind: 'key',
    width: '24%',
  },
  {
    header: 'state',
    cell: (r) => <span className={`pill pill-tx-${String(r.state).toLowerCase()}`}>{String(r.state)}</span>,
    width: '32%',
  },
  { header: 'votes', cell: (r) => String(r.votes ?? '—'), kind: 'key', width: '20%' },
];

export function CoordinatorLog({ view, slots }: { view: CoordinatorView; slots: number }) {
  return (
    <>
      <DataTable
        caption={
          <>
            2PC log <span className="count">{view.total} total</span>
            {view.inDoubt > 0 && <span className="count count-doubt">{view.inDoubt} in doubt</span>}
          </>
        }
        columns={COLUMNS}
        rows={view.rows as unknown as Row[]}
        slots={slots}
        rowKey={(r) => String(r.txId)}
        rowClass={(r) => (r.inDoubt ? 'row-in-doubt' : undefined)}
      />
      <div className="inbox-strip">
        <div className="inbox-count">
          <div className="inbox-label">coordinator</div>
          <div className="muted">logs each decision first</div>
        </div>
        <div
          className={view.inDoubt > 0 ? 'dup-counter doubt-hit' : 'dup-counter'}
          aria-label={`transactions in doubt: ${view.inDoubt}`}
        >
          <span>in doubt</span>
          <strong className="dup-number">{view.inDoubt}</strong>
        </div>
      </div>
    </>
  );
}
