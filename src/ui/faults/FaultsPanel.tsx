// The Faults tab: what goes wrong in this run, planned at logical moments
// (the nth time a point is reached, the next message of a type) rather than at
// clock times, so a deterministic run replays them exactly. The timeline
// first, as it answers "what happened"; then the plan and the form to extend it.

import { AddFaultForm } from './AddFaultForm';
import { FaultPlanList } from './FaultPlanList';
import { FaultTimeline } from './FaultTimeline';

export function FaultsPanel() {
  return (
    <section className="panel faults-panel" aria-labelledby="faults-title">
      <h2 id="faults-title" className="panel-title">
        Faults
      </h2>
      <FaultTimeline />
      <FaultPlanList />
      <AddFaultForm />
    </section>
  );
}
