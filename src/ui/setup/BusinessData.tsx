// The data that decides whether a saga step succeeds: stock per SKU (out of
// stock fails a reservation), customers' credit and cards (a declined card
// fails a payment) and the regions shipping serves (an unserved one fails a
// shipment). Failures here are business outcomes, so sagas compensate.

import type { CustomerRow, RegionRow, StockRow } from '../../core/rows';
import { NumberField } from './NumberField';
import { useBusinessRows, useRowEditor } from './useBusinessRows';

function Empty({ colSpan }: { colSpan: number }) {
  return (
    <tr>
      <td colSpan={colSpan} className="muted">
        waiting for the service’s first report…
      </td>
    </tr>
  );
}

export function StockEditor() {
  const rows = useBusinessRows<StockRow & Record<string, unknown>>('inventory', 'stock');
  const editor = useRowEditor('inventory', 'stock');
  return (
    <table className="edit-table">
      <caption>
        Stock <span className="muted">inventory.stock</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">SKU</th>
          <th scope="col">available</th>
          <th scope="col" className="num">
            reserved
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && <Empty colSpan={3} />}
        {rows.map((r) => (
          <tr key={r.sku}>
            <th scope="row">{r.sku}</th>
            <td>
              <NumberField
                label={`Available ${r.sku}`}
                value={r.available}
                onCommit={(available) => editor.edit(r, { available })}
                onInvalid={(text) => editor.invalid(`${r.sku} available`, text)}
              />
            </td>
            <td className="num">{r.reserved}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CustomersEditor() {
  const rows = useBusinessRows<CustomerRow & Record<string, unknown>>('payment', 'customers');
  const editor = useRowEditor('payment', 'customers');
  return (
    <table className="edit-table">
      <caption>
        Customers <span className="muted">payment.customers</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">customer</th>
          <th scope="col">credit</th>
          <th scope="col">card declined</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && <Empty colSpan={3} />}
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.id}</th>
            <td>
              <NumberField
                label={`Credit of ${r.id}`}
                value={r.credit}
                onCommit={(credit) => editor.edit(r, { credit })}
                onInvalid={(text) => editor.invalid(`${r.id} credit`, text)}
              />
            </td>
            <td>
              <input
                type="checkbox"
                aria-label={`Card of ${r.id} declined`}
                checked={r.cardDeclined}
                onChange={(e) => editor.edit(r, { cardDeclined: e.target.checked })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RegionsEditor() {
  const rows = useBusinessRows<RegionRow & Record<string, unknown>>('shipping', 'regions');
  const editor = useRowEditor('shipping', 'regions');
  return (
    <table className="edit-table">
      <caption>
        Regions <span className="muted">shipping.regions</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">region</th>
          <th scope="col">served</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && <Empty colSpan={2} />}
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.id}</th>
            <td>
              <input
                type="checkbox"
                aria-label={`Region ${r.id} served`}
                checked={r.served}
                onChange={(e) => editor.edit(r, { served: e.target.checked })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
