// The saga panel: stuck sagas first (they wait for a person), then every saga
// by status, then the selected one in full. Live: it re-derives from the
// mirror whenever the orchestrator's sagas, the orders or an outbox change.

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
  const items = usePlayground(selectSagas);
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
