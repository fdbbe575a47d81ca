// What the guide's runner needs to go back to its steps: the run's moment
// now (recorded when a step's action has finished) and a way to show a
// recorded moment again (the page's moment store). Shared by every page's guide.

import type { SimState } from '../../runtime/controller';
import type { RunHistoryReads } from '../../runtime/historyReads';
import { momentStore, type ViewedMoment } from './momentStore';

type MomentSource = Pick<RunHistoryReads, 'recordedFacts'> & { mode: string; simState(): SimState };

export function guideMoments(controller: MomentSource): {
  moment(): Promise<ViewedMoment>;
  show(moment: ViewedMoment | null): void;
} {
  return {
    async moment() {
      if (controller.mode === 'deterministic') {
        const sim = controller.simState();
        return { step: sim.steps, time: sim.simTime };
      }
      // A live run's moment is its latest recorded fact (the reads wait for the facts still in flight).
      const facts = await controller.recordedFacts();
      return { step: null, time: facts.at(-1)?.at ?? 0 };
    },
    show(moment) {
      if (moment) momentStore.getState().view(moment);
      else momentStore.getState().backToNow();
    },
  };
}
