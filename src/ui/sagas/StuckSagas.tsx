// Sagas the orchestrator gave up on: a compensation kept failing, so the saga is
// parked until someone decides. Each shows why, and the three decisions.

import { shortId } from '../format';
import type { SagaItem } from '../store/sagaSelectors';
import { useView } from '../store/viewStore';
import { OperatorActions } from './OperatorActions';
import { currentStepLabel } from './sagaFormat';

const reason = (saga: SagaItem) => saga.stuckReason ?? saga.failure ?? 'no reason recorded';

export function StuckSagas({ stuck }: { stuck: readonly SagaItem[] }) {
  const select = useView((s) => s.selectSaga);
  if (stuck.length === 0) return null;
  return (
    <section className="stuck-sagas" aria-labelledby="stuck-title">
      <h3 id="stuck-title" className="stuck-title">
        Stuck sagas <span className="panel-count">{stuck.length}</span>
      </h3>
      <ul className="stuck-list">
        {stuck.map((saga) => (
          <li key={saga.id} className="stuck-item">
            <button
              type="button"
              className="link-button stuck-order"
              title={`Show saga ${saga.id}`}
              onClick={() => select(saga.id)}
            >
              order {shortId(saga.orderId)}
            </button>
            <span className="stuck-step">{currentStepLabel(saga.status, saga.step) ?? ''}</span>
            <p className="stuck-reason" title={reason(saga)}>
              {reason(saga)}
            </p>
            <OperatorActions saga={saga} />
          </li>
        ))}
      </ul>
    </section>
  );
}
