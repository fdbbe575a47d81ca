// The outbox as the relay sees it: rows waiting to be published first, then the
// newest published ones, with the counts that prove nothing is stuck.

import type { Row } from '../../core/rows';
import type { OutboxView } from '../store/selectors';
import type { Column } from './columns';
import { DataTable } from './DataTable';

const COLUMNS: Column[] = [
  { header: 'seq', cell: (r) => String(r.seq ?? ''), kind: 'num', width: '13%' },
  {
    header: 'type',
    cell: (r) => <span title={`${r.type} for ${r.aggregateid}`}>{String(r.type ?? '')}</span>,
    kind: 'key',
    width: '59%',
  },
  {
    header: 'state',
    cell: (r) =>
      r.published_at == null ? (
        <span className="pill pill-pending">pending</span>
      ) : (
        <span className="published">published</span>
      ),
    width: '28%',
  },
];

export function OutboxTable({ view, slots }: { view: OutboxView; slots: number }) {
  const rows = view.rows as unknown as Row[];
  return (
    <DataTable
      caption={
        <>
          outbox{' '}
          <span className={view.pending > 0 ? 'count count-pending' : 'count'}>
            {view.pending} pending · {view.published} published
          </span>
        </>
      }
      columns={COLUMNS}
      rows={rows}
      slots={slots}
      rowKey={(r, i) => String(r.seq ?? r.id ?? i)}
      rowClass={(r) => (r.published_at == null ? 'row-pending' : undefined)}
    />
  );
}
