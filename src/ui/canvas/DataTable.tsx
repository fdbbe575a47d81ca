// A compact, fixed-height table: caption with the total, a header row, and
// exactly `slots` body rows (blank ones keep the node's layout still as rows arrive).

import type { ReactNode } from 'react';
import type { Row } from '../../core/rows';
import type { InspectTarget } from '../history/historyViewStore';
import { useInspectable, withClass } from '../history/inspector/inspectable';
import { usePlayground } from '../store/hooks';
import type { Column } from './columns';

export interface DataTableProps {
  caption: ReactNode;
  columns: Column[];
  rows: Row[];
  slots: number;
  rowKey(row: Row, index: number): string;
  rowClass?(row: Row): string | undefined;
  /** A short word set before the row's first cell (`dup` on a duplicate), with its meaning as a tooltip. */
  rowTag?(row: Row): { text: string; title: string } | undefined;
  /** What the inspector names a row by: given, each row opens it in the History tab when clicked. */
  inspect?(row: Row): InspectTarget | undefined;
  /** A class beside `data-table`, for a table a layout styles on its own (the compact outbox hides its header). */
  className?: string;
}

export function DataTable({
  caption,
  columns,
  rows,
  slots,
  rowKey,
  rowClass,
  rowTag,
  inspect,
  className,
}: DataTableProps) {
  const blanks = Math.max(0, slots - rows.length);
  const inspectable = useInspectable();
  // While the canvas summarises heavy traffic, body rows are keyed by their place: every update brings new rows to
  // the top, and keyed by row each would take a new element (styled and laid out from nothing) for an old one, where
  // keyed by place only their text changes. At lighter load a row keeps its element as it moves down, and the focus.
  const bySlot = usePlayground((s) => s.summarising);
  return (
    <table className={className ? `data-table ${className}` : 'data-table'}>
      <caption>{caption}</caption>
      <colgroup>
        {columns.map((c) => (
          <col key={c.header} style={c.width ? { width: c.width } : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" className={c.kind}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, slots).map((row, i) => {
          const tag = rowTag?.(row);
          const clickable = inspectable(inspect?.(row));
          return (
            <tr
              key={bySlot ? i : rowKey(row, i)}
              {...clickable}
              className={withClass(rowClass?.(row), clickable)}
              title={tag?.title}
            >
              {columns.map((c, n) => (
                <td key={c.header} className={c.kind}>
                  {n === 0 && tag && <span className="row-tag">{tag.text}</span>}
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          );
        })}
        {Array.from({ length: blanks }, (_, i) => (
          <tr key={`blank-${i}`} className="blank" aria-hidden="true">
            <td colSpan={columns.length}>{rows.length === 0 && i === 0 ? 'no rows yet' : '\u00a0'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
