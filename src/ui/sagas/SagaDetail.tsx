// One saga in full: its status and machine state, why it failed, the attempt
// and timer under way, the statechart (or, choreographed, its event chain),
// the operator's buttons and the step history, newest first.

import { useEffect, useRef } from 'react';
import { DEFAULT_RETRY } from '../../core/saga/retryPolicy';
import { StatusPill } from '../canvas/columns';
import { shortId } from '../format';
import type { SagaItem } from '../store/sagaSelectors';
import { useView } from '../store/viewStore';
import { EventChain } from './EventChain';
import { OperatorActions } from './OperatorActions';
import { InspectButton } from '../history/inspector/InspectButton';
import { SagaChart } from './SagaChart';
import { SAGA_STYLE_LABELS, sagaTime, simSeconds } from './sagaFormat';
import { useSimNow } from './useSimNow';

function Deadline({ due }: { due: number }) {
  const now = useSimNow();
  if (now === null) return null;
  const left = (due - now) / 1000;
  return <span className="muted">{left > 0 ? ` (in ${left.toFixed(1)} s)` : ' (due now)'}</span>;
}

function Facts({ saga }: { saga: SagaItem }) {
  const last = saga.history.at(-1);
  const live = saga.status === 'RUNNING' || saga.status === 'COMPENSATING';
  // The stuck reason repeats the failure that caused it; show the failure alone only when it says more.
  const failure = saga.failure && !saga.stuckReason?.includes(saga.failure) ? saga.failure : null;
  return (
    <>
      <dl className="saga-facts">
        <dt>machine state</dt>
        <dd>
          <code>{saga.awaitingOrchestrator ? 'not started' : saga.state}</code>
        </dd>
        {live && saga.attempt !== null && saga.attempt > 0 && (
          <>
            <dt>attempt</dt>
            <dd>
              {saga.attempt} of {DEFAULT_RETRY.maximumAttempts}
            </dd>
          </>
        )}
        {saga.timer && (
          <>
            <dt>{saga.timer.kind === 'retry' ? 'retry at' : 'reply due by'}</dt>
            <dd title="Simulation time since the run began (it stops while paused and follows the speed setting)">
              {simSeconds(saga.timer.due)}
              {live ? (
                <Deadline due={saga.timer.due} />
              ) : (
                last &&
                last.kind !== 'event' && <span className="muted"> (last event {simSeconds(last.at)})</span>
              )}
            </dd>
          </>
        )}
      </dl>
      {failure && (
        <p className="saga-problem">
          <strong>failure:</strong> {failure}
        </p>
      )}
      {saga.stuckReason && (
        <p className="saga-problem">
          <strong>stuck:</strong> {saga.stuckReason}
        </p>
      )}
    </>
  );
}

function History({ saga }: { saga: SagaItem }) {
  return (
    <table className="saga-history">
      <caption>
        history <span className="muted">newest first</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">time</th>
          <th scope="col">kind</th>
          <th scope="col">step · detail</th>
        </tr>
      </thead>
      <tbody>
        {[...saga.history].reverse().map((h, i) => (
          <tr key={saga.history.length - i} className={`history-${h.kind}`}>
            <td className="history-time">{sagaTime(h)}</td>
            <td className="history-kind">{h.kind}</td>
            <td>
              {h.step && <strong>{h.step}</strong>}
              {h.step && h.detail && ' · '}
              {h.detail}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SagaDetail({ saga }: { saga: SagaItem }) {
  const select = useView((s) => s.selectSaga);
  const head = useRef<HTMLElement>(null);
  // A saga picked from the list or the stuck sagas may sit below the fold: bring its header into view.
  useEffect(() => {
    head.current?.scrollIntoView?.({ block: 'nearest' });
  }, [saga.id]);
  return (
    <section className="saga-detail" aria-labelledby="saga-detail-title">
      <header className="saga-detail-head" ref={head}>
        <h3 id="saga-detail-title" title={saga.id}>
          order {shortId(saga.orderId)}
        </h3>
        <span className="muted">{SAGA_STYLE_LABELS[saga.style]}</span>
        <StatusPill status={saga.awaitingOrchestrator ? 'PENDING' : saga.status} />
        {/* An orchestrated saga is its orchestrator's row; a choreographed one has no row of its own to name. */}
        {saga.style === 'orchestration' && !saga.awaitingOrchestrator && (
          <InspectButton target={{ kind: 'saga', id: saga.id }} label={`saga of order ${saga.orderId}`} />
        )}
        <button type="button" className="btn btn-small close-detail" onClick={() => select(null)}>
          Close
        </button>
      </header>
      <Facts saga={saga} />
      {saga.style === 'choreography' && <EventChain view={saga} />}
      <SagaChart view={saga} />
      <OperatorActions saga={saga} />
      <History saga={saga} />
    </section>
  );
}
