// The run's global commands: place orders (quick, or chosen field by field),
// the simulation speed, pause or resume the whole system, and in a
// deterministic run step it. The subtitle names the approach (and saga style)
// and the badge the run mode, so a screenshot says which run it shows.

import { usePlayground } from '../store/hooks';
import { approachTitle } from '../approach';
import { useApproach } from '../useApproach';
import { OrderForm } from './OrderForm';
import { RunModeBadge } from './RunModeBadge';
import { SpeedSelect } from './SpeedSelect';
import { StepControls } from './StepControls';
import { useActions } from './useActions';
import { ScenarioMenu } from '../library/ScenarioMenu';
import { ShareMenu } from '../export/ShareMenu';

export function Toolbar() {
  const actions = useActions();
  const playing = usePlayground((s) => s.playing);
  const run = approachTitle(useApproach());
  return (
    <header className="toolbar">
      <h1 className="app-title">
        Messaging Patterns Playground
        <span className="app-subtitle">
          {run.lead && `${run.lead} · `}
          <strong>{run.main}</strong>
        </span>
      </h1>
      <RunModeBadge />
      <div className="toolbar-scenario" role="group" aria-label="Scenario">
        <ScenarioMenu />
        <ShareMenu />
      </div>
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
        <StepControls />
      </div>
    </header>
  );
}
