// The saga panel: stuck sagas first (they wait for a person), then every saga
// by status, then the selected one in full. Live: it re-derives from the
// mirror whenever the orchestrator's sagas, the orders or an outbox change.

import { useDeferredValue } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useController } from '../controls/ControllerContext';
import { usePlayground } from '../store/hooks';
import { selectSagas } from '../store/sagaSelectors';
import { useView } from '../store/viewStore';
import { SagaDetail } from './SagaDetail';
import { SagaList } from './SagaList';
import { StuckSagas } from './StuckSagas';

const ORDERINGS: Record<string, string> = {
  'direct-calls': 'direct calls from the order service to each of the others',
  'two-phase-commit': 'a two-phase commit coordinated by the order service',
};

/** A "before" run has no saga: the order service drives every step itself. */
function NoSagas({ ordering }: { ordering: string }) {
  return (
    <div className="saga-panel">
      <p className="muted saga-empty">
        This run places orders by {ORDERINGS[ordering] ?? ordering}, the approach sagas replace: no events
        chain the steps, so there is no saga to show. Watch the order, payment and inventory tables, and the
        anomalies.
      </p>
    </div>
  );
}

export function SagaPanel() {
  const { ordering } = useController();
  if (ordering !== 'messaging') return <NoSagas ordering={ordering} />;
  return <Sagas />;
}

function Sagas() {
  const inputs = usePlayground(
    useShallow((s) => ({ mirror: s.mirror, processes: s.processes, summarising: s.summarising })),
  );
  // Derived and drawn at low priority, as the canvas is: under load the list's refresh is not done in the
  // frame that takes in the store's update, so the two do not add up to one long task.
  const items = selectSagas(useDeferredValue(inputs));
  const selectedId = useView((s) => s.selectedSaga);
  const selected = items.find((i) => i.id === selectedId);
  const stuck = items.filter((i) => i.status === 'STUCK');
  return (
    <div className={selected ? 'saga-panel has-detail' : 'saga-panel'}>
      <StuckSagas stuck={stuck} />
      <SagaList items={items} />
      {selected ? (
        <SagaDetail saga={selected} />
      ) : (
        items.length > 0 && <p className="muted saga-hint">Pick a saga to see its steps.</p>
      )}
    </div>
  );
}
