// The change log under the listings table: what the change-log middleware
// wrote in the same transaction as each write, newest first — seq, op, key and
// what changed. A row's seq opens its full Debezium envelope; rows the
// connector has not published yet are marked. Compact (presenter mode), what
// changed wraps over lines and "+N more" opens the whole log.

import type { Row } from '../../../core/rows';
import { DataTable } from '../../canvas/DataTable';
import type { Column } from '../../canvas/columns';
import { MoreRowsButton } from '../../canvas/MoreRowsButton';
import { TableDialog } from '../../canvas/TableDialog';
import { cdcRowTarget } from '../../history/inspector/targets';
import { changeLogView, type ChangeLogRow, type ChangeLogView } from '../changeLogView';
import { useCdc, useCdcContext } from '../CdcContext';
import { count } from '../cdcFormat';
import { COMPACT_SHARES } from '../cdcLayout';
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

function useColumns(compact: boolean): Column[] {
  const { view } = useCdcContext();
  const open = (seq: number) => {
    view.getState().chooseChange(seq);
    view.getState().setTab('envelope');
  };
  return [
    {
      header: 'seq',
      width: compact ? '13%' : '15%',
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
    { header: 'key', width: compact ? '22%' : '21%', kind: 'key', cell: (row) => String(row.key) },
    {
      header: 'before → after',
      width: compact ? `${Math.round(COMPACT_SHARES.diff * 100)}%` : '55%',
      kind: compact ? 'wrap' : 'key',
      cell: (row) => <span title={String(row.diff)}>{String(row.diff)}</span>,
    },
  ];
}

const pendingClass = (r: Row) => ((r as unknown as ChangeLogRow).published ? undefined : 'row-pending');

/** The whole change log, newest first: what "+N more" opens. */
function WholeLog({ onClose }: { onClose(): void }) {
  const changes = useCdc((s) => s.changes);
  const position = useCdc(
    (s) => s.connector?.sources.find((x) => x.service === 'listings')?.position.seq ?? null,
  );
  const columns = useColumns(false);
  const log = changeLogView(changes, changes.length, position);
  return (
    <TableDialog
      title="listings · change log"
      label="listings: the whole change log"
      testId="full-table-listings-changes"
      onClose={onClose}
      columns={columns}
      rows={log.rows as unknown as Row[]}
      rowKey={(r) => String(r.seq)}
      rowClass={pendingClass}
      inspect={cdcRowTarget('changes')}
    />
  );
}

export function ChangeLogTable({ log, compact = false }: { log: ChangeLogView; compact?: boolean }) {
  const columns = useColumns(compact);
  const caption = compact ? (
    <>
      change log <span className="count">{log.total ? `head ${count(log.head)}` : 'empty'}</span>
      <MoreRowsButton
        more={log.total - log.rows.length}
        label={`Show all ${count(log.total)} changes`}
        open={(close) => <WholeLog onClose={close} />}
      />
    </>
  ) : (
    <>
      change log{' '}
      <span className="count">{log.total ? `head ${count(log.head)} · newest first` : 'empty'}</span>
    </>
  );
  return (
    <>
      <DataTable
        caption={caption}
        columns={columns}
        rows={log.rows as unknown as Row[]}
        slots={compact ? Math.max(1, log.rows.length) : LOG_ROWS}
        rowKey={(r) => String(r.seq)}
        rowClass={pendingClass}
        inspect={cdcRowTarget('changes')}
      />
      <Legend />
    </>
  );
}
