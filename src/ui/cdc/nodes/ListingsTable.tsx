// The legacy service's own table, newest writes first. A listing's id is a
// button: choosing it makes it the one Edit price and Delete act on (useTarget.ts).

import type { Row } from '../../../core/rows';
import type { ListingRow } from '../../../runtime/cdcController';
import { DataTable } from '../../canvas/DataTable';
import type { Column } from '../../canvas/columns';
import { cdcRowTarget } from '../../history/inspector/targets';
import { useCdcContext } from '../CdcContext';
import { count, valueText } from '../cdcFormat';
import { LISTING_ROWS } from '../toCdcFlow';
import { useTargetListing } from '../useTarget';

const text = (field: keyof ListingRow) => (row: Row) => (
  <span title={String(row[field] ?? '')}>{String(row[field] ?? '')}</span>
);

export function ListingsTable({ rows, total }: { rows: ListingRow[]; total: number | null }) {
  const { view } = useCdcContext();
  const target = useTargetListing()?.id ?? null;
  const columns: Column[] = [
    {
      header: 'id',
      width: '25%',
      cell: (row) => (
        <button
          type="button"
          className="link-button nodrag"
          aria-pressed={row.id === target}
          aria-label={`Choose listing ${String(row.id)}`}
          onClick={() => view.getState().select(String(row.id))}
        >
          {String(row.id)}
        </button>
      ),
    },
    { header: 'title', width: '41%', kind: 'key', cell: text('title') },
    { header: 'city', width: '20%', kind: 'key', cell: text('city') },
    { header: 'price', width: '14%', kind: 'num', cell: (row) => valueText('price', row.price) },
  ];
  return (
    <DataTable
      caption={
        <>
          listings{' '}
          <span className="count">
            {total === null ? 'not read yet' : `${count(total)} rows · newest first`}
          </span>
        </>
      }
      columns={columns}
      rows={rows as unknown as Row[]}
      slots={LISTING_ROWS}
      rowKey={(r) => String(r.id)}
      rowClass={(r) => (r.id === target ? 'row-chosen' : undefined)}
      inspect={cdcRowTarget('listings')}
    />
  );
}
