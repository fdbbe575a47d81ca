// The outbox as the relay sees it: rows waiting to be published first, then the
// newest published ones, with the counts that prove nothing is stuck. Which rows
// wait is the view's call: marked rows for a polling relay, the log position for a log-tailing one.

import type { Row } from '../../core/rows';
import type { OutboxView } from '../store/selectors';
import { shopRowTarget } from '../history/inspector/targets';
import type { Column } from './columns';
import { DataTable } from './DataTable';

const columns = (pending: ReadonlySet<number>): Column[] => [
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
      pending.has(r.seq as number) ? (
        <span className="pill pill-pending">pending</span>
      ) : (
        <span className="published">published</span>
      ),
    width: '28%',
  },
];

export function OutboxTable({ service, view, slots }: { service: string; view: OutboxView; slots: number }) {
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
      columns={columns(view.pendingSeqs)}
      rows={rows}
      slots={slots}
      rowKey={(r, i) => String(r.seq ?? r.id ?? i)}
      rowClass={(r) => (view.pendingSeqs.has(r.seq as number) ? 'row-pending' : undefined)}
      inspect={shopRowTarget(service, 'outbox')}
    />
  );
}
