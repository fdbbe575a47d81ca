// How a business table shows the rows that matter: its caption counts the
// duplicates and offers the rows it has no room for ("+N more"), and each
// marked row is highlighted (a duplicate also tagged as one).

import type { Row } from '../../core/rows';
import type { BusinessTable } from './flowTypes';
import { FullTable } from './FullTable';
import { MoreRowsButton } from './MoreRowsButton';
import type { RowMark } from './rowMarks';
import type { ServiceName } from '../../core/rows';

export function markedRowClass(marks: Readonly<Record<string, RowMark>>) {
  return (row: Row): string | undefined => {
    const mark = marks[String(row.id)];
    return mark === 'duplicate' ? 'row-marked row-duplicate' : mark ? 'row-marked' : undefined;
  };
}

/** `dup` before a duplicate's first cell; a row an anomaly names is highlighted alone. */
export function markedRowTag(marks: Readonly<Record<string, RowMark>>, table: string) {
  return (row: Row) =>
    marks[String(row.id)] === 'duplicate'
      ? {
          text: 'dup',
          title: `duplicate: a second ${table.replace(/s$/, '')} for order ${String(row.orderId ?? '')}`,
        }
      : undefined;
}

/** One business table of a service's node, and whether the service guards its handlers with idempotency keys. */
export interface BusinessTableProps {
  service: ServiceName;
  view: BusinessTable;
  idempotencyKeys: boolean;
}

/** The table's name, its total, its duplicates, and a button to open every row when some are not shown. */
export function TableCaption({
  service,
  view,
  idempotencyKeys,
  compact = false,
}: BusinessTableProps & { compact?: boolean }) {
  // Projector type leaves a compact caption room for the name, the count, "N dup" and "+N more", not the word "total".
  return (
    <>
      {view.table} <span className="count">{compact ? view.total : `${view.total} total`}</span>
      {view.duplicates > 0 && (
        // Short, so the caption keeps room for "+N more"; each duplicate row is tagged and the tooltip says it all.
        <span
          className="count count-duplicate"
          title={`${view.duplicates} duplicate ${view.table}: a second one for the same order`}
        >
          {compact && '· '}
          {view.duplicates} dup
        </span>
      )}
      {view.table === 'payments' && !idempotencyKeys && (
        // A line of its own (sections.ts gives the table a row less for it): the caption never clips it.
        <span className="caption-line count-off" data-testid="no-idempotency-key">
          no idempotency key
        </span>
      )}
      <MoreRows service={service} view={view} slots={view.slots} idempotencyKeys={idempotencyKeys} />
    </>
  );
}

/** "+N more" when the table holds more rows than `slots` shows: it opens all of them. */
export function MoreRows({
  service,
  view,
  slots,
  idempotencyKeys = true,
}: {
  service: ServiceName;
  view: Pick<BusinessTable, 'table' | 'total' | 'rows'>;
  slots: number;
  idempotencyKeys?: boolean;
}) {
  return (
    <MoreRowsButton
      more={view.total - Math.min(view.rows.length, slots)}
      label={`Show all ${view.total} ${view.table} of ${service}`}
      open={(close) => (
        <FullTable service={service} table={view.table} idempotencyKeys={idempotencyKeys} onClose={close} />
      )}
    />
  );
}
