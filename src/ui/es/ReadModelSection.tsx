// One read model: title, lag ("3 behind · oldest waiting 1.2 s"), checkpoint,
// Rebuild with its progress bar (driven by 'rebuild-progress' events), and the
// rows as a table. A transaction-history row is its bank event: clicked, it is inspected.

import type { ReadModelName } from '../../runtime/esController';
import { InlineError } from '../faults/InlineError';
import { useInspectable } from '../history/inspector/inspectable';
import { eventTarget } from '../history/inspector/targets';
import { useEs, useEsController } from './EsContext';
import { cellText, count } from './esFormat';
import {
  COLUMN_LABELS,
  columnsOf,
  lagText,
  READ_MODEL_TITLES,
  rebuildText,
  rowsText,
  visibleRows,
} from './readModelView';
import { useAsyncAction } from './useAsyncAction';

const ROW_LIMIT = 50;
const NO_ROWS: Record<string, unknown>[] = [];

function RebuildStatus({ name }: { name: ReadModelName }) {
  const r = useEs((s) => s.rebuilds[name]);
  if (!r) return null;
  return (
    <div className={r.finished ? 'es-rebuild es-rebuild-done' : 'es-rebuild'} role="status">
      <progress
        max={Math.max(1, r.total)}
        value={r.finished ? Math.max(1, r.total) : r.done}
        aria-label={`Rebuild of ${name}`}
      />
      <span>{rebuildText(r)}</span>
    </div>
  );
}

function ReadModelTable({ name }: { name: ReadModelName }) {
  const all = useEs((s) => s.readModels[name] ?? NO_ROWS);
  const columns = columnsOf(name, all);
  const { rows, hidden } = visibleRows(name, all, ROW_LIMIT);
  const inspectable = useInspectable();
  // The history projection reads the bank's store: its position names the event it recorded.
  const eventOf = (row: Record<string, unknown>) =>
    name === 'history' && typeof row.position === 'number'
      ? eventTarget('bank', { position: row.position })
      : undefined;
  if (!all.length) return <p className="muted es-empty">no rows yet</p>;
  return (
    <div className="es-table-scroll">
      <table className="data-table es-table" aria-label={READ_MODEL_TITLES[name]}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={typeof rows[0][c] === 'number' ? 'num' : undefined}>
                {COLUMN_LABELS[c] ?? c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id !== undefined ? String(row.id) : `${String(row.account)}/${String(row.position)}`}
              {...inspectable(eventOf(row))}
            >
              {columns.map((c) => (
                <td key={c} className={typeof row[c] === 'number' ? 'num' : undefined}>
                  {cellText(c, row[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && <p className="muted es-more">…and {count(hidden)} more</p>}
    </div>
  );
}

export function ReadModelSection({ name }: { name: ReadModelName }) {
  const controller = useEsController();
  const lag = useEs((s) => s.lags.find((l) => l.name === name));
  const rows = useEs((s) => s.readModels[name]?.length ?? 0);
  const rebuilding = useEs((s) => s.rebuilds[name]?.finished === false);
  const queryUp = useEs((s) => s.processes.query.status === 'running');
  const action = useAsyncAction();
  const text = lagText(lag);
  return (
    <section className="es-read-model" aria-labelledby={`rm-${name}`} data-testid={`read-model-${name}`}>
      <div className="es-rm-head">
        <h3 id={`rm-${name}`} className="es-rm-title">
          {READ_MODEL_TITLES[name]} <span className="count">{rowsText(rows)}</span>
        </h3>
        <button
          type="button"
          className="btn btn-small"
          disabled={!queryUp || rebuilding || action.busy}
          aria-label={`Rebuild ${READ_MODEL_TITLES[name]}`}
          title="Clear this read model and its checkpoint, then replay every event into it"
          onClick={() => void action.run(() => controller.rebuildReadModel(name))}
        >
          Rebuild
        </button>
      </div>
      <div className="es-rm-lag">
        <span className={text.late ? 'es-lag es-lag-late' : 'es-lag'} data-testid={`lag-${name}`}>
          {text.behind}
          {text.oldest && ` · ${text.oldest}`}
        </span>
        <span className="es-checkpoint" title="The last event position this projection applied">
          checkpoint {lag ? count(lag.checkpoint) : '—'}
        </span>
      </div>
      <RebuildStatus name={name} />
      {action.error && <InlineError message={action.error} onDismiss={action.clearError} />}
      <ReadModelTable name={name} />
    </section>
  );
}
