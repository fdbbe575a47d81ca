// Every saga of the run, newest first, filtered by status with a count per
// status. A row selects its saga for the chart below.

import { StatusPill } from '../canvas/columns';
import { shortId } from '../format';
import {
  matchesFilter,
  SAGA_FILTERS,
  sagaCounts,
  type SagaFilter,
  type SagaItem,
} from '../store/sagaSelectors';
import { useView } from '../store/viewStore';
import { currentStepLabel, SAGA_STYLE_LABELS } from './sagaFormat';
import { stepStates } from './stepStates';

const FILTER_LABELS: Record<SagaFilter, string> = {
  all: 'all',
  running: 'running',
  stuck: 'stuck',
  compensated: 'compensated',
  completed: 'completed',
};

/** Rows rendered at most: the list scrolls, and a run of thousands of orders must not cost a frame. */
const LIST_LIMIT = 200;

function Filters({ items }: { items: readonly SagaItem[] }) {
  const filter = useView((s) => s.sagaFilter);
  const setFilter = useView((s) => s.setSagaFilter);
  const counts = sagaCounts(items);
  return (
    <div className="saga-filters" role="group" aria-label="Show sagas by status">
      {SAGA_FILTERS.map((f) => (
        <button
          key={f}
          type="button"
          className={`filter-chip filter-${f}${filter === f ? ' active' : ''}`}
          aria-pressed={filter === f}
          title={f === 'running' ? 'running or compensating' : undefined}
          onClick={() => setFilter(f)}
        >
          {FILTER_LABELS[f]} <strong>{counts[f]}</strong>
        </button>
      ))}
    </div>
  );
}

function stepCell(item: SagaItem): string {
  if (item.awaitingOrchestrator) return 'waiting for the orchestrator';
  const label = currentStepLabel(item.status, item.step);
  if (label) return label;
  // A choreographed saga names no step of its own: the first one not done yet is under way.
  return stepStates(item).find((s) => s.mark === 'current')?.step.name ?? '—';
}

export function SagaList({ items }: { items: readonly SagaItem[] }) {
  const filter = useView((s) => s.sagaFilter);
  const selected = useView((s) => s.selectedSaga);
  const select = useView((s) => s.selectSaga);
  const shown = items.filter((i) => matchesFilter(i, filter));
  return (
    <>
      <Filters items={items} />
      <div className="saga-list">
        {shown.length === 0 ? (
          <p className="muted saga-empty">
            {items.length === 0 ? 'No order placed yet: place one to start a saga.' : `No ${filter} saga.`}
          </p>
        ) : (
          <table className="saga-table">
            <thead>
              <tr>
                <th scope="col">order</th>
                <th scope="col">style</th>
                <th scope="col">status</th>
                <th scope="col">current step</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, LIST_LIMIT).map((item) => (
                <tr
                  key={item.id}
                  className={item.id === selected ? 'selected' : undefined}
                  onClick={() => select(item.id)}
                >
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={item.id === selected}
                      title={item.orderId}
                      onClick={(e) => {
                        e.stopPropagation();
                        select(item.id);
                      }}
                    >
                      {shortId(item.orderId)}
                    </button>
                  </td>
                  <td className="muted">{SAGA_STYLE_LABELS[item.style]}</td>
                  <td>
                    <StatusPill status={item.awaitingOrchestrator ? 'PENDING' : item.status} />
                  </td>
                  <td className="step-cell" title={stepCell(item)}>
                    {stepCell(item)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
