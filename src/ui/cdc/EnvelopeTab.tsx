// One change as the connector publishes it: Debezium's record key (the
// listing id) and value — before, after, op, source, ts_ms. Older / Newer walk
// the log; a change chosen in the change log (its seq) opens here.

import type { ChangeEvent } from '../../core/cdc/changeEvent';
import { useCdc, useCdcContext, useCdcView } from './CdcContext';
import { envelopeJson, OP_NAMES } from './cdcFormat';
import { changeKey } from './changeLogView';
import { OpPill } from './nodes/OpPill';

const FIELDS: [string, string][] = [
  ['before', 'the row before the change (null for a create)'],
  ['after', 'the row after it (null for a delete)'],
  ['op', 'c create, u update, d delete, r read by a snapshot'],
  ['source', 'where it came from: service, table, transaction, log sequence'],
  ['ts_ms', 'when it was committed'],
];

/** The chosen change, or the newest when none is chosen (or the chosen one is not in the log). */
export function chosenChange(changes: readonly ChangeEvent[], seq: number | null): ChangeEvent | undefined {
  return (seq !== null ? changes.find((c) => c.source.sequence === seq) : undefined) ?? changes.at(-1);
}

export function EnvelopeTab() {
  const { view } = useCdcContext();
  const changes = useCdc((s) => s.changes);
  const seq = useCdcView((s) => s.chosenSeq);
  const change = chosenChange(changes, seq);
  if (!change)
    return <p className="muted">The change log is empty: write a listing and its change appears here.</p>;
  const index = changes.indexOf(change);
  const go = (i: number) => view.getState().chooseChange(changes[i].source.sequence);
  const { op, source } = change;
  return (
    <section className="panel cdc-envelope" aria-labelledby="cdc-envelope-title">
      <h2 id="cdc-envelope-title" className="panel-title">
        Change {source.sequence} <OpPill op={op} /> <span className="muted">{OP_NAMES[op]}</span>
      </h2>
      <div className="cdc-envelope-nav">
        <button type="button" className="btn btn-small" disabled={index <= 0} onClick={() => go(index - 1)}>
          Older
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={index >= changes.length - 1}
          onClick={() => go(index + 1)}
        >
          Newer
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={seq === null}
          onClick={() => view.getState().chooseChange(null)}
          title="Always show the newest change"
        >
          Follow newest
        </button>
      </div>
      <p className="cdc-envelope-key">
        key <strong>{changeKey(change)}</strong> · topic{' '}
        <strong>{`${source.service}.${source.table}`}</strong>
      </p>
      <pre className="cdc-envelope-json" tabIndex={0} aria-label={`Envelope of change ${source.sequence}`}>
        {envelopeJson(change)}
      </pre>
      <dl className="cdc-envelope-fields">
        {FIELDS.map(([name, text]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
