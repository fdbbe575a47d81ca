// Which kind of run each narrative action belongs to: a shop run's guide
// cannot grow an event stream, an event-sourced run's cannot grant a step, a
// change-data-capture run's can only write listings and work its connector.
// Pure; the record below makes a new action kind name its topology or fail to compile.

import type { Topology } from '../scenario';
import { TOPOLOGY_FACTS } from '../topologyFacts';
import type { CdcAction, EsAction, NarrativeAction } from './types';

const TOPOLOGY_OF: Record<NarrativeAction['kind'], Topology> = {
  steps: 'shop',
  runToEnd: 'shop',
  placeOrders: 'shop',
  restart: 'shop',
  settle: 'shop',
  showTab: 'shop',
  esNewOrder: 'event-sourced',
  growOrder: 'event-sourced',
  measureLoad: 'event-sourced',
  stageRace: 'event-sourced',
  transfer: 'event-sourced',
  crashAt: 'event-sourced',
  esRestart: 'event-sourced',
  rebuild: 'event-sourced',
  readYourWrites: 'event-sourced',
  esSettle: 'event-sourced',
  showEsTab: 'event-sourced',
  cdcWrite: 'cdc',
  cdcWriteMany: 'cdc',
  cdcCrashAt: 'cdc',
  cdcRestart: 'cdc',
  cdcSettle: 'cdc',
  cdcSearch: 'cdc',
  showCdcTab: 'cdc',
};

export function actionTopology(action: NarrativeAction): Topology {
  return TOPOLOGY_OF[action.kind];
}

export function isEsAction(action: NarrativeAction): action is EsAction {
  return actionTopology(action) === 'event-sourced';
}

export function isCdcAction(action: NarrativeAction): action is CdcAction {
  return actionTopology(action) === 'cdc';
}

/** Why a guide cannot perform `action` in a run of `topology`, in words; null when it can. */
export function wrongTopologyText(action: NarrativeAction, topology: Topology): string | null {
  const home = actionTopology(action);
  if (home === topology) return null;
  return `"${action.kind}" works only in ${TOPOLOGY_FACTS[home].runName}; this is ${TOPOLOGY_FACTS[topology].runName}`;
}
