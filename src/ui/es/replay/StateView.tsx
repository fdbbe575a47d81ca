// The aggregate folded as of V: its fields (and an order's lines), and what
// that load read — from which snapshot, how many events.

import type { AggregateAt } from '../../../runtime/esController';
import { InlineError } from '../../faults/InlineError';
import { loadCostLine } from '../loadCost';
import { stateTable } from './stateRows';

export function StateView({ at, error }: { at: AggregateAt | null; error: string | null }) {
  if (error) return <InlineError message={`Could not load the state: ${error}`} />;
  if (!at) return <p className="muted">loading…</p>;
  const t = stateTable(at.state);
  return (
    <div className="replay-state" data-testid="replay-state">
      <dl className="replay-fields">
        {t.fields.map(([k, v]) => (
          <div key={k} className="replay-field">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {t.lines && t.lines.length > 0 && (
        <table className="data-table es-table replay-lines">
          <thead>
            <tr>
              <th scope="col">sku</th>
              <th scope="col" className="num">
                qty
              </th>
              <th scope="col" className="num">
                price
              </th>
            </tr>
          </thead>
          <tbody>
            {t.lines.map((l) => (
              <tr key={l.sku}>
                <td>{l.sku}</td>
                <td className="num">{l.qty}</td>
                <td className="num">{l.price}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="replay-load muted">loaded: {loadCostLine(at.load)}</p>
    </div>
  );
}
