// What each narrative action does against the controller, and how the guide
// names it. Only what the Controller offers: no reaching into the conductor.
// Event-sourced and CDC runs' actions are named here too, but performed by their
// own pages (es/guide/esNarrativeActions.ts, cdc/guide/cdcNarrativeActions.ts): here they reject.

import type { GuideTab } from './shopActionText';
import { plural } from '../format';
import {
  isActionOf,
  wrongTopologyText,
  type ActionsByTopology,
  type NarrativeAction,
} from '../../core/scenario/library';
import type { Topology } from '../../core/scenario/scenario';
import type { Controller } from '../../runtime/controller';
import { TOPOLOGIES, type TopologyModule } from '../../runtime/topologies';
import { runUntil } from './runUntil';

export type GuideController = Pick<
  Controller,
  'step' | 'runToEnd' | 'placeOrder' | 'restart' | 'settle' | 'status' | 'mode' | 'simState' | 'snapshot'
>;

export type { GuideTab } from './shopActionText';

export interface ActionDeps {
  controller: GuideController;
  showTab(tab: GuideTab): void;
}

/** What arriving at this step of a `topology` run's guide does ('present') or did ('past'), for its line in the guide. */
export function actionText(
  action: NarrativeAction,
  topology: Topology,
  tense: 'present' | 'past' = 'present',
): string {
  const wrong = wrongTopologyText(action, topology);
  if (wrong) return wrong;
  const module = TOPOLOGIES[topology] as TopologyModule;
  return module.actionText(action as ActionsByTopology[Topology], tense === 'past');
}

/** A call cut off because its process died: what a planned crash does, not a failure of the guide. */
export function isProcessDown(error: unknown): boolean {
  return error instanceof Error && error.name === 'PROCESS_DOWN';
}

/**
 * Performs one action; resolves with a note when something planned got in the
 * way (a crash cut orders off), rejects when the action itself failed.
 */
export async function performAction(
  action: NarrativeAction,
  { controller, showTab }: ActionDeps,
): Promise<string | null> {
  if (!isActionOf(action, 'shop')) throw new Error(wrongTopologyText(action, 'shop') ?? action.kind);
  switch (action.kind) {
    case 'steps':
      for (let i = 0; i < action.count; i++) await controller.step();
      return null;
    case 'runToEnd':
      await controller.runToEnd();
      return null;
    case 'stepUntil':
      return runUntil(action.beat, controller);
    case 'placeOrders': {
      const results = await Promise.allSettled(
        Array.from({ length: action.count }, () => controller.placeOrder(action.like)),
      );
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      const other = failed.find((r) => !isProcessDown(r.reason));
      if (other) throw other.reason;
      if (failed.length === 0) return null;
      return `${plural(failed.length, 'order')} of ${action.count} got no answer: the order service went down while placing ${failed.length === 1 ? 'it' : 'them'}.`;
    }
    case 'restart':
      if (action.whenCrashed && (await runUntil({ kind: 'crash', process: action.process }, controller)))
        return `${action.process} has not crashed yet (its planned crash did not fire): nothing to restart.`;
      await controller.restart(action.process);
      return null;
    case 'settle':
      await controller.settle();
      return null;
    case 'showTab':
      showTab(action.tab);
      return null;
  }
}
