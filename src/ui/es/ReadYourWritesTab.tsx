// Read your writes: write an order and read its summary at once. The read
// model has not caught up, so the page says "not found" — unless a remedy is
// chosen: return the entity from the write, or poll the read model until it
// reaches the written version.

import { useState } from 'react';
import type { ReadYourWritesRemedy, ReadYourWritesResult } from '../../runtime/esController';
import { InlineError } from '../faults/InlineError';
import { useEs, useEsContext } from './EsContext';
import { valueText } from './esFormat';
import { useAsyncAction } from './useAsyncAction';

const REMEDIES: { id: ReadYourWritesRemedy; label: string; help: string }[] = [
  { id: 'eventual', label: 'Accept eventual consistency', help: 'Show whatever the first read returns.' },
  {
    id: 'return-entity',
    label: 'Return the entity from the write',
    help: 'The write answers with the new state; the page shows that.',
  },
  {
    id: 'poll-read-model',
    label: 'Poll the read model',
    help: 'Read again until the summary reaches the written version.',
  },
];

const LABEL = Object.fromEntries(REMEDIES.map((r) => [r.id, r.label])) as Record<
  ReadYourWritesRemedy,
  string
>;

function Value({ value }: { value: unknown }) {
  const missing = value === null || value === undefined;
  return <span className={missing ? 'ryw-missing' : undefined}>{valueText(value)}</span>;
}

function Outcome({ r }: { r: ReadYourWritesResult }) {
  return (
    <table className="ryw-table" data-testid="ryw-result" aria-label={`Read your writes: ${LABEL[r.remedy]}`}>
      <caption>
        {r.orderId} · {LABEL[r.remedy]}
      </caption>
      <tbody>
        <tr>
          <th scope="row">wrote</th>
          <td>
            <Value value={r.wrote} />
          </td>
        </tr>
        <tr>
          <th scope="row">first read</th>
          <td data-testid="ryw-first-read">
            <Value value={r.firstRead} />
          </td>
        </tr>
        <tr>
          <th scope="row">shown</th>
          <td data-testid="ryw-shown">
            <Value value={r.shown} />
          </td>
        </tr>
        <tr>
          <th scope="row">reads</th>
          <td>{r.reads}</td>
        </tr>
      </tbody>
    </table>
  );
}

function Earlier() {
  const earlier = useEs((s) => s.ryw).slice(1);
  if (!earlier.length) return null;
  return (
    <table className="data-table es-table ryw-earlier">
      <caption>earlier tries</caption>
      <thead>
        <tr>
          <th scope="col">remedy</th>
          <th scope="col">first read</th>
          <th scope="col">shown</th>
          <th scope="col" className="num">
            reads
          </th>
        </tr>
      </thead>
      <tbody>
        {earlier.map((r) => (
          <tr key={r.seq}>
            <td>{r.remedy}</td>
            <td>
              <Value value={r.firstRead} />
            </td>
            <td>
              <Value value={r.shown} />
            </td>
            <td className="num">{r.reads}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReadYourWritesTab() {
  const { controller, facts } = useEsContext();
  const [remedy, setRemedy] = useState<ReadYourWritesRemedy>('eventual');
  const last = useEs((s) => s.ryw[0]);
  const up = useEs((s) => s.processes.orders.status === 'running' && s.processes.query.status === 'running');
  const action = useAsyncAction();
  const run = () =>
    void action.run(async () => facts.getState().addRyw(await controller.readYourWrites(remedy)));
  return (
    <section className="panel es-tab-panel" aria-labelledby="ryw-title">
      <h2 id="ryw-title" className="panel-title">
        Read your writes
      </h2>
      <p className="es-explain">
        Write an order, then at once read its summary from the query side — which is fed by a projection that
        may not have got there yet.
      </p>
      <fieldset className="ryw-remedies">
        <legend>Remedy</legend>
        {REMEDIES.map((r) => (
          <label key={r.id} className="ryw-remedy">
            <input
              type="radio"
              name="ryw-remedy"
              value={r.id}
              checked={remedy === r.id}
              onChange={() => setRemedy(r.id)}
            />
            <span>
              <strong>{r.label}</strong> <span className="muted">{r.help}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <button type="button" className="btn btn-primary" disabled={!up || action.busy} onClick={run}>
        {action.busy ? 'Writing and reading…' : 'Write an order and read it'}
      </button>
      {action.error && <InlineError message={action.error} onDismiss={action.clearError} />}
      {last && <Outcome r={last} />}
      <Earlier />
    </section>
  );
}
