// What each event-sourced narrative action does against the EsController and
// this page's stores — the same calls the toolbar and the side tabs make, so
// what the guide does shows where the viewer would have done it by hand.
// Shop actions reject: this page has no steps to grant.

import { isActionOf, wrongTopologyText, type NarrativeAction } from '../../../core/scenario/library';
import type { EsController, StreamInfo } from '../../../runtime/esController';
import { isProcessDown } from '../../guide/narrativeActions';
import { restartOnceCrashed } from '../../page/guideRestart';
import { newOrder, target } from '../esActions';
import { count, valueText } from '../esFormat';
import type { EsFactsStore, EsViewStore } from '../esStore';
import { loadCostText, savingText } from '../loadCost';

export type EsGuideController = Pick<
  EsController,
  | 'orderCommand'
  | 'growOrder'
  | 'loadStats'
  | 'stageRace'
  | 'transfer'
  | 'crashAt'
  | 'status'
  | 'restart'
  | 'rebuildReadModel'
  | 'readYourWrites'
  | 'settle'
  | 'streams'
>;

export interface EsActionDeps {
  controller: EsGuideController;
  facts: Pick<EsFactsStore, 'getState'>;
  view: Pick<EsViewStore, 'getState'>;
  /** Waits between looks at a process that is about to crash; tests pass a quick one. */
  sleep?: (ms: number) => Promise<void>;
}

/** The order the viewer chose, else the newest: asked of the stores, as the poller's list may be a beat behind. */
async function currentOrder({ controller, view }: EsActionDeps): Promise<string> {
  const streams: StreamInfo[] = await controller.streams();
  const id = target('orders', view.getState().chosen, streams);
  if (!id) throw new Error('there is no order yet: a step that makes one comes first');
  view.getState().choose({ store: 'orders', id });
  return id;
}

/**
 * Performs one action; resolves with a note worth showing under the step (what
 * a load read, what a read returned, a crash that cut a call off), rejects
 * when the action itself failed.
 */
export async function performEsAction(action: NarrativeAction, deps: EsActionDeps): Promise<string | null> {
  if (!isActionOf(action, 'event-sourced'))
    throw new Error(wrongTopologyText(action, 'event-sourced') ?? action.kind);
  const { controller, facts, view } = deps;
  switch (action.kind) {
    case 'newOrder': {
      const { id, n } = view.getState().issue(
        'order',
        facts.getState().streams.map((s) => s.id),
      );
      view.getState().choose({ store: 'orders', id });
      await newOrder(controller, id, n);
      return null;
    }
    case 'growOrder': {
      const id = await currentOrder(deps);
      await controller.growOrder(id, action.count);
      return null;
    }
    case 'measureLoad': {
      const id = await currentOrder(deps);
      const stats = await controller.loadStats(id);
      const saving = savingText(stats);
      return `${id}: ${loadCostText(stats)}.${saving ? ` ${saving}` : ''}`;
    }
    case 'stageRace': {
      const orderId = await currentOrder(deps);
      const race = await controller.stageRace(orderId);
      facts.getState().addRace({ orderId, ...race });
      return race.message ? `The loser was told: ${race.message}` : null;
    }
    case 'transfer':
      try {
        await controller.transfer(action.from, action.to, action.amount);
        return null;
      } catch (err) {
        if (!isProcessDown(err)) throw err;
        return 'The bank went down before the transfer completed: its events say how far it got.';
      }
    case 'crashAt':
      // EsConductor resolves once the worker has the crash armed, so the next step cannot outrun it.
      await Promise.resolve(controller.crashAt(action.process, action.point));
      return null;
    case 'restart':
      return restartOnceCrashed(action.process, deps);
    case 'rebuild':
      await controller.rebuildReadModel(action.name);
      return null;
    case 'readYourWrites': {
      const result = await controller.readYourWrites(action.remedy);
      facts.getState().addRyw(result);
      const reads = result.reads === 1 ? '1 read' : `${count(result.reads)} reads`;
      return `${result.orderId}: first read ${valueText(result.firstRead)}; shown ${valueText(result.shown)} after ${reads}.`;
    }
    case 'settle':
      await controller.settle();
      return null;
    case 'showTab':
      view.getState().setTab(action.tab);
      return null;
  }
}
