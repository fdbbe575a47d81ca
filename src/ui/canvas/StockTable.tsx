// Stock, transposed: one column per SKU, rows "available" and "reserved", so
// the whole warehouse fits in three lines (the title sits in the corner cell).

import type { Row } from '../../core/rows';

export function StockTable({ rows }: { rows: Row[] }) {
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
          {skus.map((r) => (
            <th key={String(r.sku)} scope="col" className="num">
              {label(r.sku)}
            </th>
          ))}
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
