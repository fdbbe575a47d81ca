// Load cost: the same aggregate loaded with its snapshot and without — events
// read and milliseconds in its worker — side by side with bars, so 37 against
// 10,001 is seen before it is read.

import { InlineError } from '../../faults/InlineError';
import { count, duration } from '../esFormat';
import { loadCostText, savingText } from '../loadCost';
import type { LoadStats } from './useReplayData';

function Bar({ value, max }: { value: number; max: number }) {
  return (
    <span className="cost-bar" aria-hidden="true">
      <span style={{ width: `${max > 0 ? Math.max(1, (value / max) * 100) : 0}%` }} />
    </span>
  );
}

export function LoadCostBox({ load }: { load: LoadStats }) {
  const { stats } = load;
  const max = stats ? Math.max(stats.withSnapshots.eventsRead, stats.withoutSnapshots.eventsRead) : 0;
  return (
    <section className="load-cost" aria-labelledby="load-cost-title" data-testid="load-cost">
      <div className="load-cost-head">
        <h3 id="load-cost-title">
          Load cost{' '}
          {load.version !== null && (
            <span className="muted load-cost-at">
              of {load.id} at v{count(load.version)}
            </span>
          )}
        </h3>
        <button type="button" className="btn btn-small" disabled={load.busy} onClick={load.measure}>
          {load.busy ? 'Measuring…' : 'Measure again'}
        </button>
      </div>
      {load.error && <InlineError message={`Could not measure: ${load.error}`} />}
      {stats ? (
        <>
          <table className="load-cost-table" aria-label={loadCostText(stats)}>
            <tbody>
              {(
                [
                  ['with snapshots', stats.withSnapshots],
                  ['without', stats.withoutSnapshots],
                ] as const
              ).map(([label, s]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>
                    {s.snapshotVersion !== null && <span className="cost-snap">1 snapshot + </span>}
                    <strong>{count(s.eventsRead)}</strong> {s.eventsRead === 1 ? 'event' : 'events'}
                    <Bar value={s.eventsRead} max={max} />
                  </td>
                  <td className="num">{duration(s.ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {savingText(stats) && <p className="load-cost-saving">{savingText(stats)}</p>}
        </>
      ) : (
        !load.error && <p className="muted">measuring…</p>
      )}
    </section>
  );
}
