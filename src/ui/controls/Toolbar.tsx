// The run's global commands: place orders (quick, or chosen field by field),
// the simulation speed, and pause or resume the whole system. The subtitle
// names the saga style, so a screenshot says which run it shows.

import { usePlayground } from '../store/hooks';
import type { Controller } from '../../runtime/controller';
import { useController } from './ControllerContext';
import { OrderForm } from './OrderForm';
import { SpeedSelect } from './SpeedSelect';
import { useActions } from './useActions';

/** What this run is made of, so a screenshot says which approach it shows. */
function subtitle(controller: Controller): { publishing: string; ordering: string } {
  const { ordering } = controller;
  const publishing = controller.config.publishing === 'dual-write' ? 'dual write (no outbox)' : 'outbox · inbox';
  if (ordering === 'direct-calls') return { publishing, ordering: 'direct calls (no saga)' };
  if (ordering === 'two-phase-commit') return { publishing, ordering: 'two-phase commit (no saga)' };
  const style = controller.config.sagaStyle === 'orchestration' ? 'orchestrated' : 'choreographed';
  return { publishing, ordering: `${style} saga` };
}

export function Toolbar() {
  const actions = useActions();
  const playing = usePlayground((s) => s.playing);
  const run = subtitle(useController());
  return (
    <header className="toolbar">
      <h1 className="app-title">
        Messaging Patterns Playground
        <span className="app-subtitle">
          {run.publishing} · <strong>{run.ordering}</strong>
        </span>
      </h1>
      <div className="toolbar-actions" role="group" aria-label="Run controls">
        <button type="button" className="btn btn-primary" onClick={() => actions.placeOrder()}>
          Place order
        </button>
        <button type="button" className="btn btn-primary" onClick={() => actions.placeOrders(10)}>
          Place 10 orders
        </button>
        <OrderForm />
        <SpeedSelect />
        <button
          type="button"
          className="btn"
          aria-pressed={!playing}
          aria-label={playing ? 'Pause the system' : 'Resume the system'}
          onClick={() => actions.setPlaying(!playing)}
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
      </div>
    </header>
  );
}
