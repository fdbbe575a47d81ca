// The History tab's inspector: the item clicked anywhere on the page, whole —
// its kind, service and full id, its fields, the envelope it travels in, the
// transaction that committed it and when — and its causal chain, each link a
// way to inspect the next item. Read as of the page's moment (useInspection).

import { useState } from 'react';
import type { Inspection } from '../../../runtime/historyReads';
import { historyView, useHistoryView } from '../historyViewStore';
import { useMoment } from '../momentStore';
import { CausalLinks } from './CausalLinks';
import { committedText, correlationOf, envelopeOf, itemJson, timeText } from './inspectorFormat';
import { useInspection } from './useInspection';
import './inspector.css';

export function InspectorView() {
  const selected = useHistoryView((s) => s.selected);
  const state = useInspection(selected);
  if (!selected)
    return (
      <p className="history-empty" data-testid="inspector-empty">
        Click a row on the canvas — a business row, an outbox or inbox row, a saga, an event, a change — to
        see it whole here: the transaction that committed it and what caused it and what it caused.
      </p>
    );
  if (state.status === 'refused')
    return (
      <div className="inspector-refused" role="alert" data-testid="inspector-error">
        <p>
          <strong>
            Cannot inspect {selected.service ? `${selected.service} ` : ''}
            {selected.kind} {selected.id}
          </strong>
        </p>
        <p>{state.message}</p>
      </div>
    );
  if (state.status !== 'shown')
    return (
      <p className="history-empty" role="status">
        Reading {selected.kind} {selected.id}…
      </p>
    );
  return <InspectionDetail inspection={state.inspection} />;
}

function InspectionDetail({ inspection }: { inspection: Inspection }) {
  const viewing = useMoment((s) => s.viewing);
  const envelope = envelopeOf(inspection);
  const correlation = correlationOf(inspection);
  return (
    <article className="inspector" aria-label={`Inspecting ${inspection.kind} ${inspection.id}`}>
      <header className="inspector-head">
        <h3 className="inspector-title">
          {inspection.kind} <span className="muted">· {inspection.service}</span>
        </h3>
        <FullId id={inspection.id} />
        <p className="inspector-committed" data-testid="inspector-committed">
          {committedText(inspection.committed)}
        </p>
        <p className="muted inspector-asof">
          {viewing
            ? `As the run stood at ${viewing.step !== null ? `step ${viewing.step} · ` : ''}time ${timeText(viewing.time)}.`
            : 'As the run stands now.'}
        </p>
        {correlation && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => historyView.getState().follow(correlation)}
          >
            Follow this order
          </button>
        )}
      </header>
      <section aria-labelledby="inspector-fields">
        <h4 id="inspector-fields" className="inspector-heading">
          Fields
        </h4>
        <pre className="inspector-json" tabIndex={0} aria-label="The item's fields">
          {itemJson(inspection.item)}
        </pre>
      </section>
      {envelope && (
        <section aria-labelledby="inspector-envelope">
          <h4 id="inspector-envelope" className="inspector-heading">
            {envelope.title}
          </h4>
          <pre className="inspector-json" tabIndex={0} aria-label={envelope.title}>
            {envelope.json}
          </pre>
        </section>
      )}
      <CausalLinks
        title="Causes"
        links={inspection.causes}
        none="Nothing recorded caused it: it starts a flow."
      />
      <CausalLinks title="Effects" links={inspection.effects} none="It has caused nothing yet." />
    </article>
  );
}

/** The id whole, selectable, with a button that copies it. */
function FullId({ id }: { id: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(id).then(
      () => setCopied('Copied'),
      () => setCopied('Select the id to copy it'),
    );
  return (
    <p className="inspector-id">
      <code className="inspector-id-text" data-testid="inspector-id">
        {id}
      </code>
      <button type="button" className="btn btn-small" onClick={() => void copy()}>
        Copy id
      </button>
      {copied && (
        <span className="muted" role="status">
          {copied}
        </span>
      )}
    </p>
  );
}
