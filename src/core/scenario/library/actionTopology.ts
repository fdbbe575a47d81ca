// Which kind of run each narrative action belongs to: a shop run's guide
// cannot grow an event stream, an event-sourced run's cannot grant a step.
// Pure; the record below makes a new action kind name its topology or fail to compile.

import type { Topology } from '../scenario';
import type { EsAction, NarrativeAction } from './types';

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
};

export function actionTopology(action: NarrativeAction): Topology {
  return TOPOLOGY_OF[action.kind];
}

export function isEsAction(action: NarrativeAction): action is EsAction {
  return actionTopology(action) === 'event-sourced';
}

/** Why a guide cannot perform `action` in a run of `topology`, in words; null when it can. */
export function wrongTopologyText(action: NarrativeAction, topology: Topology): string | null {
  if (actionTopology(action) === topology) return null;
  return actionTopology(action) === 'event-sourced'
    ? `"${action.kind}" works only in an event-sourced run; this is a shop run`
    : `"${action.kind}" works only in a shop run; this is an event-sourced run`;
}
