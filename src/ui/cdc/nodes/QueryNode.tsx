// The query service: a search read model fed only by change events — the
// seed's Airbnb example. Its search box, its newest documents (each remembers
// the log sequence it reflects), and what it did with what it was delivered.

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Row } from '../../../core/rows';
import { DataTable } from '../../canvas/DataTable';
import type { Column } from '../../canvas/columns';
import { cdcRowTarget } from '../../history/inspector/targets';
import type { NodeOf } from '../cdcFlowTypes';
import { useCdcView } from '../CdcContext';
import { count, valueText } from '../cdcFormat';
import { HANDLES } from '../cdcLayout';
import { DOC_ROWS } from '../toCdcFlow';
import { CdcNodeFrame } from './CdcNodeFrame';
import { SearchBox } from './SearchBox';

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
  {
    header: 'seq',
    width: '11%',
    kind: 'num',
    cell: (r) => <span title="The change-log sequence this document reflects">{String(r.sourceSeq)}</span>,
  },
];

function QueryNodeView({ data }: NodeProps<NodeOf<'query'>>) {
  const found = useCdcView((s) => s.search.ids);
  return (
    <CdcNodeFrame process="query" state={data.process} subtitle="search read model" handles={HANDLES.query}>
      <SearchBox docs={data.docs} disabled={data.process.status !== 'running'} />
      <DataTable
        caption={
          <>
            search documents{' '}
            <span className="count">
              {data.total === null ? 'not read yet' : `${count(data.total)} · newest first`}
            </span>
          </>
        }
        columns={COLUMNS}
        rows={data.docs as unknown as Row[]}
        slots={DOC_ROWS}
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
    </CdcNodeFrame>
  );
}

export const QueryNode = memo(QueryNodeView);
