// The query service: a search read model fed only by change events — the
// seed's Airbnb example. Its search box, its newest documents (each remembers
// the log sequence it reflects), what it did with what it was delivered, and
// the listings' history it keeps beside them (CDC + event sourcing).

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Row } from '../../../core/rows';
import type { SearchDocRow } from '../../../runtime/cdcController';
import { DataTable } from '../../canvas/DataTable';
import type { Column } from '../../canvas/columns';
import { MoreRowsButton } from '../../canvas/MoreRowsButton';
import { TableDialog } from '../../canvas/TableDialog';
import { cdcRowTarget } from '../../history/inspector/targets';
import type { NodeOf } from '../cdcFlowTypes';
import { useCdc, useCdcContext, useCdcView } from '../CdcContext';
import { count, listingLine, valueText } from '../cdcFormat';
import { COMPACT_SHARES, geometryOf } from '../cdcLayout';
import { DOC_ROWS } from '../toCdcFlow';
import type { HistoryView } from '../historyView';
import { CdcNodeFrame } from './CdcNodeFrame';
import { SearchBox } from './SearchBox';

const SEQ: Column = {
  header: 'seq',
  width: '11%',
  kind: 'num',
  cell: (r) => <span title="The change-log sequence this document reflects">{String(r.sourceSeq)}</span>,
};

const COLUMNS: Column[] = [
  { header: 'id', width: '22%', cell: (r) => String(r.id) },
  {
    header: 'title',
    width: '34%',
    kind: 'key',
    cell: (r) => <span title={String(r.title)}>{String(r.title)}</span>,
  },
  { header: 'city', width: '20%', kind: 'key', cell: (r) => String(r.city) },
  { header: 'price', width: '13%', kind: 'num', cell: (r) => valueText('price', r.price) },
  SEQ,
];

/** Compact (presenter mode): a document's title, city and price in one cell that wraps. */
const COMPACT_COLUMNS: Column[] = [
  { header: 'id', width: '26%', cell: (r) => String(r.id) },
  {
    header: 'document',
    width: `${Math.round(COMPACT_SHARES.doc * 100)}%`,
    kind: 'wrap',
    cell: (r) => listingLine(r as unknown as SearchDocRow),
  },
  { ...SEQ, width: '14%' },
];

const newestFirst = (docs: readonly SearchDocRow[]) => [...docs].sort((a, b) => b.sourceSeq - a.sourceSeq);

/** Every search document, newest first: what "+N more" opens. */
function AllDocs({ onClose }: { onClose(): void }) {
  const docs = useCdc((s) => s.docs);
  return (
    <TableDialog
      title="query · search documents"
      label="query: all search documents"
      testId="full-table-query-docs"
      onClose={onClose}
      columns={COLUMNS}
      rows={newestFirst(docs ?? []) as unknown as Row[]}
      rowKey={(r) => String(r.id)}
      inspect={cdcRowTarget('docs')}
    />
  );
}

function Caption({ total, shown, compact }: { total: number | null; shown: number; compact: boolean }) {
  if (!compact)
    return (
      <>
        search documents{' '}
        <span className="count">{total === null ? 'not read yet' : `${count(total)} · newest first`}</span>
      </>
    );
  return (
    <>
      search documents <span className="count">{total === null ? 'not read yet' : count(total)}</span>
      <MoreRowsButton
        more={(total ?? 0) - shown}
        label={`Show all ${count(total ?? 0)} search documents`}
        open={(close) => <AllDocs onClose={close} />}
      />
    </>
  );
}

/**
 * The event store of the listings' history beside the documents: a repeat is a change appended twice. With its
 * sequence check switched off (`inbox: false`) the line says so in place of its totals (they move to the tooltip),
 * so it keeps to one line on a projector's compact node.
 */
function HistoryLine({ history }: { history: HistoryView }) {
  const checked = useCdcContext().controller.scenario().inbox;
  const totals = `${count(history.streams)} streams · ${count(history.events)} events`;
  return (
    <div
      className="cdc-applied cdc-history"
      data-testid="query-history"
      title={`The listings' history: one event stream per listing (${totals}); “twice” counts changes appended to their stream again${checked ? '' : '. Its sequence check is off: a repeated change is appended again'}`}
    >
      history{' '}
      {checked ? (
        <>
          <strong>{count(history.streams)}</strong> streams · <strong>{count(history.events)}</strong> events
        </>
      ) : (
        <span className="switched-off" data-testid="history-unchecked">
          no sequence check
        </span>
      )}{' '}
      · twice{' '}
      <strong className={history.repeats > 0 ? 'cdc-dup-hit' : undefined}>{count(history.repeats)}</strong>
    </div>
  );
}

function QueryNodeView({ data }: NodeProps<NodeOf<'query'>>) {
  const found = useCdcView((s) => s.search.ids);
  const { compact } = data;
  return (
    <CdcNodeFrame
      process="query"
      state={data.process}
      subtitle="search read model"
      handles={geometryOf(compact).handles.query}
    >
      <SearchBox disabled={data.process.status !== 'running'} results={compact ? 1 : 2} />
      <DataTable
        caption={<Caption total={data.total} shown={data.docs.length} compact={compact} />}
        columns={compact ? COMPACT_COLUMNS : COLUMNS}
        rows={data.docs as unknown as Row[]}
        slots={compact ? Math.max(1, data.docs.length) : DOC_ROWS}
        rowKey={(r) => String(r.id)}
        rowClass={(r) => (found?.includes(String(r.id)) ? 'row-found' : undefined)}
        inspect={cdcRowTarget('docs')}
      />
      <div className="cdc-applied" data-testid="query-applied" title="Since this page opened">
        applied <strong>{count(data.applied)}</strong> · duplicates skipped{' '}
        <strong className={data.duplicatesSkipped > 0 ? 'cdc-dup-hit' : undefined}>
          {count(data.duplicatesSkipped)}
        </strong>{' '}
        · stale <strong>{count(data.stale)}</strong>
      </div>
      {data.history && <HistoryLine history={data.history} />}
    </CdcNodeFrame>
  );
}

export const QueryNode = memo(QueryNodeView);
