// The change log under the listings table: what the change-log middleware
// wrote in the same transaction as each write, newest first — seq, op, key and
// what changed. A row's seq opens its full Debezium envelope; rows the
// connector has not published yet are marked.

import type { Row } from '../../../core/rows';
import { DataTable } from '../../canvas/DataTable';
import type { Column } from '../../canvas/columns';
import { cdcRowTarget } from '../../history/inspector/targets';
import type { ChangeLogRow, ChangeLogView } from '../changeLogView';
import { useCdcContext } from '../CdcContext';
import { count } from '../cdcFormat';
import { LOG_ROWS } from '../toCdcFlow';
import { OpPill } from './OpPill';

/** What the colours mean, under the log: the ops as Debezium names them, and what the connector has not sent yet. */
function Legend() {
  return (
    <p className="cdc-legend" aria-hidden="true">
      <OpPill op="c" /> create <OpPill op="u" /> update <OpPill op="d" /> delete{' '}
      <span className="cdc-legend-pending">not yet published</span>
    </p>
  );
}

export function ChangeLogTable({ log }: { log: ChangeLogView }) {
  const { view } = useCdcContext();
  const open = (seq: number) => {
    view.getState().chooseChange(seq);
    view.getState().setTab('envelope');
  };
  const columns: Column[] = [
    {
      header: 'seq',
      width: '15%',
      kind: 'num',
      cell: (row) => (
        <button
          type="button"
          className="link-button nodrag"
          aria-label={`Show change ${String(row.seq)}’s envelope`}
          onClick={() => open(Number(row.seq))}
        >
          {String(row.seq)}
        </button>
      ),
    },
    { header: 'op', width: '9%', cell: (row) => <OpPill op={(row as unknown as ChangeLogRow).op} /> },
    { header: 'key', width: '21%', kind: 'key', cell: (row) => String(row.key) },
    {
      header: 'before → after',
      width: '55%',
      kind: 'key',
      cell: (row) => <span title={String(row.diff)}>{String(row.diff)}</span>,
    },
  ];
  return (
    <>
      <DataTable
        caption={
          <>
            change log{' '}
            <span className="count">{log.total ? `head ${count(log.head)} · newest first` : 'empty'}</span>
          </>
        }
        columns={columns}
        rows={log.rows as unknown as Row[]}
        slots={LOG_ROWS}
        rowKey={(r) => String(r.seq)}
        rowClass={(r) => ((r as unknown as ChangeLogRow).published ? undefined : 'row-pending')}
        inspect={cdcRowTarget('changes')}
      />
      <Legend />
    </>
  );
}
