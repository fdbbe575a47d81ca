// What each CDC narrative action does against the CdcController and this
// page's view store — the same calls the toolbar, the search box and the
// crash controls make, so what the guide does shows where the viewer would
// have done it by hand. Other runs' actions reject.

import { isActionOf, wrongTopologyText, type NarrativeAction } from '../../../core/scenario/library';
import type { CdcController } from '../../../runtime/cdcController';
import { isProcessDown } from '../../guide/narrativeActions';
import { restartOnceCrashed } from '../../page/guideRestart';
import { runSearch, runWriteMany } from '../cdcActions';
import { count } from '../cdcFormat';
import type { CdcViewStore } from '../cdcStore';

export type CdcGuideController = Pick<
  CdcController,
  'write' | 'writeMany' | 'crashAt' | 'status' | 'restart' | 'settle' | 'search' | 'connector'
>;

export interface CdcActionDeps {
  controller: CdcGuideController;
  view: Pick<CdcViewStore, 'getState'>;
  /** Waits between looks at a process that is about to crash; tests pass a quick one. */
  sleep?: (ms: number) => Promise<void>;
}

/** What the connector has done so far, for a note under the step. */
async function connectorNote(controller: CdcGuideController): Promise<string> {
  const state = await controller.connector();
  const lag = state.sources.reduce((n, s) => n + s.lag, 0);
  return `The connector has published ${count(state.published)} change events (${count(state.duplicates)} of them again after a restart); lag ${count(lag)}.`;
}

/**
 * Performs one action; resolves with a note worth showing under the step (what
 * a search found, what the connector published), rejects when the action itself failed.
 */
export async function performCdcAction(action: NarrativeAction, deps: CdcActionDeps): Promise<string | null> {
  if (!isActionOf(action, 'cdc')) throw new Error(wrongTopologyText(action, 'cdc') ?? action.kind);
  const { controller, view } = deps;
  switch (action.kind) {
    case 'write': {
      const id = await controller.write(action.write);
      view.getState().select(action.write.op === 'delete' ? null : id);
      view.getState().chooseChange(null);
      return null;
    }
    case 'writeMany':
      try {
        await runWriteMany(controller, view, action.count);
        return null;
      } catch (err) {
        if (!isProcessDown(err)) throw err;
        return 'The listings service went down before every write was made.';
      }
    case 'crashAt':
      // The conductor resolves once the worker has the crash armed, so the next step cannot outrun it.
      await Promise.resolve(controller.crashAt(action.process, action.point));
      return null;
    case 'restart':
      return restartOnceCrashed(action.process, deps);
    case 'settle':
      await controller.settle();
      return connectorNote(controller);
    case 'search': {
      // A search before the read model has applied the last write would show an older answer than the story promises.
      await controller.settle();
      const ids = await runSearch(controller, view, action.text, action.city ?? '');
      const where = action.city ? ` in ${action.city}` : '';
      return ids.length
        ? `“${action.text}”${where}: ${ids.join(', ')}.`
        : `“${action.text}”${where}: nothing found.`;
    }
    case 'showTab':
      view.getState().setTab(action.tab);
      return null;
  }
}
