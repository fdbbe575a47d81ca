// The run's global commands: place orders, and pause or resume the whole system.

import { usePlayground } from '../store/hooks';
import { useActions } from './useActions';

export function Toolbar() {
  const actions = useActions();
  const playing = usePlayground((s) => s.playing);
  return (
    <header className="toolbar">
      <h1 className="app-title">
        Messaging Patterns Playground
        <span className="app-subtitle">outbox · inbox · choreography saga</span>
      </h1>
      <div className="toolbar-actions" role="group" aria-label="Run controls">
        <button type="button" className="btn btn-primary" onClick={() => actions.placeOrder()}>
          Place order
        </button>
        <button type="button" className="btn btn-primary" onClick={() => actions.placeOrders(10)}>
          Place 10 orders
        </button>
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
