// The legacy service's own table, newest writes first. A listing's id is a
// button: choosing it makes it the one Edit price and Delete act on (useTarget.ts).
// Compact (presenter mode), a long title wraps, the city has room for "Valparaiso",
// and "+N more" opens the whole table.

import type { Row } from '../../../core/rows';
import type { ListingRow } from '../../../runtime/cdcController';
import { DataTable } from '../../canvas/DataTable';
import type { Column } from '../../canvas/columns';
import { MoreRowsButton } from '../../canvas/MoreRowsButton';
import { TableDialog } from '../../canvas/TableDialog';
import { cdcRowTarget } from '../../history/inspector/targets';
import { useCdc, useCdcContext } from '../CdcContext';
import { count, valueText } from '../cdcFormat';
import { COMPACT_SHARES } from '../cdcLayout';
import { LISTING_ROWS } from '../toCdcFlow';
import { useTargetListing } from '../useTarget';

const text = (field: keyof ListingRow) => (row: Row) => (
  <span title={String(row[field] ?? '')}>{String(row[field] ?? '')}</span>
);

const percent = (share: number) => `${Math.round(share * 100)}%`;

function useColumns(compact: boolean): Column[] {
  const { view } = useCdcContext();
  const target = useTargetListing()?.id ?? null;
  const id: Column = {
    header: 'id',
    width: compact ? '22%' : '25%',
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
  };
  const price: Column = {
    header: 'price',
    width: '14%',
    kind: 'num',
    cell: (row) => valueText('price', row.price),
  };
  if (compact)
    return [
      id,
      { header: 'title', width: percent(COMPACT_SHARES.title), kind: 'wrap', cell: text('title') },
      { header: 'city', width: '26%', kind: 'key', cell: text('city') },
      price,
    ];
  return [
    id,
    { header: 'title', width: '41%', kind: 'key', cell: text('title') },
    { header: 'city', width: '20%', kind: 'key', cell: text('city') },
    price,
  ];
}

const newestFirst = (rows: readonly ListingRow[]) => [...rows].sort((a, b) => b.updated_at - a.updated_at);

/** Every listing, newest first: what "+N more" opens. */
function AllListings({ onClose }: { onClose(): void }) {
  const listings = useCdc((s) => s.listings);
  const target = useTargetListing()?.id ?? null;
  const columns = useColumns(false);
  return (
    <TableDialog
      title="listings · listings"
      label="listings: all listings"
      testId="full-table-listings-listings"
      onClose={onClose}
      columns={columns}
      rows={newestFirst(listings ?? []) as unknown as Row[]}
      rowKey={(r) => String(r.id)}
      rowClass={(r) => (r.id === target ? 'row-chosen' : undefined)}
      inspect={cdcRowTarget('listings')}
    />
  );
}

interface Props {
  rows: ListingRow[];
  total: number | null;
  compact?: boolean;
}

export function ListingsTable({ rows, total, compact = false }: Props) {
  const target = useTargetListing()?.id ?? null;
  const columns = useColumns(compact);
  const caption = compact ? (
    <>
      listings <span className="count">{total === null ? 'not read yet' : `${count(total)} rows`}</span>
      <MoreRowsButton
        more={(total ?? 0) - rows.length}
        label={`Show all ${count(total ?? 0)} listings`}
        open={(close) => <AllListings onClose={close} />}
      />
    </>
  ) : (
    <>
      listings{' '}
      <span className="count">{total === null ? 'not read yet' : `${count(total)} rows · newest first`}</span>
    </>
  );
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows as unknown as Row[]}
      // Compact, the rows are those that fit (toCdcFlow): no blank rows beneath them.
      slots={compact ? Math.max(1, rows.length) : LISTING_ROWS}
      rowKey={(r) => String(r.id)}
      rowClass={(r) => (r.id === target ? 'row-chosen' : undefined)}
      inspect={cdcRowTarget('listings')}
    />
  );
}
