// The three decisions an operator can take about a stuck saga. Each button says
// in its tooltip what it does to the data; for a saga that cannot take them
// (choreographed, or not stuck) they are disabled and say why.

import { useActions, type SagaAction } from '../controls/useActions';
import type { SagaItem } from '../store/sagaSelectors';
import { operatorBlock } from './sagaFormat';

const BUTTONS: { action: SagaAction; label: string; help: string }[] = [
  {
    action: 'retrySaga',
    label: 'Retry',
    help: 'Run the failing compensation again, with a fresh set of attempts (fix the data first).',
  },
  {
    action: 'skipStep',
    label: 'Skip step',
    help: 'Give up on this compensation and go on with the next: the step stays done (the charge or reservation is kept), and the invariant checker will flag it.',
  },
  {
    action: 'forceCompensation',
    label: 'Compensate by hand',
    help: 'Mark this compensation done manually: you undid it outside the system (refunded by hand, say), so the saga goes on.',
  },
];

export function OperatorActions({ saga }: { saga: SagaItem }) {
  const actions = useActions();
  const blocked = operatorBlock(saga);
  return (
    <div className="operator-actions" role="group" aria-label={`Operator actions for order ${saga.orderId}`}>
      {BUTTONS.map(({ action, label, help }) => (
        <button
          key={action}
          type="button"
          className={action === 'skipStep' ? 'btn btn-small btn-warn' : 'btn btn-small'}
          disabled={blocked !== null}
          title={blocked ?? help}
          aria-label={`${label} (order ${saga.orderId})`}
          onClick={() => actions.sagaAction(action, saga.id)}
        >
          {label}
        </button>
      ))}
      {blocked && <p className="operator-blocked muted">{blocked}</p>}
    </div>
  );
}
