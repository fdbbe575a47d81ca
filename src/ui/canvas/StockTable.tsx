// Stock, transposed: one column per SKU, rows "available" and "reserved", so
// the whole warehouse fits in three lines (the title sits in the corner cell).
// A SKU's header is its row's handle for the inspector.

import type { Row } from '../../core/rows';
import { useInspectable, withClass } from '../history/inspector/inspectable';
import { shopRowTarget } from '../history/inspector/targets';

export function StockTable({ service, rows }: { service: string; rows: Row[] }) {
  const inspectable = useInspectable();
  const target = shopRowTarget(service, 'stock');
  const skus = [...rows].sort((a, b) => String(a.sku).localeCompare(String(b.sku)));
  const label = (sku: unknown) => String(sku ?? '').replace(/^SKU-/, '');
  return (
    <table className="data-table stock-table">
      <colgroup>
        <col style={{ width: '34%' }} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="corner">
            stock
          </th>
          {skus.map((r) => {
            const clickable = inspectable(target(r));
            return (
              <th key={String(r.sku)} scope="col" {...clickable} className={withClass('num', clickable)}>
                {label(r.sku)}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {(['available', 'reserved'] as const).map((field) => (
          <tr key={field}>
            <th scope="row">{field}</th>
            {skus.map((r) => (
              <td key={String(r.sku)} className="num">
                {String(r[field] ?? '—')}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
