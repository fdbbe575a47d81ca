// Which actions a guide may take in a run of each topology: a shop run's
// guide cannot grow an event stream, an event-sourced run's cannot grant a
// step, a change-data-capture run's can only write listings and work its
// connector. Each topology names its actions in its own words, so the same
// kind (`restart`, `settle`) may belong to several. Pure; the record below
// makes a new action kind name the topologies it belongs to or fail to compile.

import type { Topology } from '../scenario';
import { TOPOLOGY_FACTS } from '../topologyFacts';
import type { ActionsByTopology, NarrativeAction } from './types';

const KINDS: { [T in Topology]: Record<ActionsByTopology[T]['kind'], true> } = {
  shop: {
    steps: true,
    runToEnd: true,
    stepUntil: true,
    placeOrders: true,
    restart: true,
    settle: true,
    showTab: true,
  },
  'event-sourced': {
    newOrder: true,
    growOrder: true,
    measureLoad: true,
    stageRace: true,
    transfer: true,
    crashAt: true,
    restart: true,
    rebuild: true,
    readYourWrites: true,
    settle: true,
    showTab: true,
  },
  cdc: {
    write: true,
    writeMany: true,
    crashAt: true,
    restart: true,
    settle: true,
    search: true,
    showTab: true,
  },
};

/** The processes an action may name in a run of `topology` (its broker among them: it can be restarted). */
function knowsProcess(topology: Topology, process: string): boolean {
  const facts = TOPOLOGY_FACTS[topology];
  return process in facts.processes || process === facts.broker;
}

/** Why a guide cannot perform `action` in a run of `topology`, in words; null when it can. */
export function wrongTopologyText(action: NarrativeAction, topology: Topology): string | null {
  const { runName } = TOPOLOGY_FACTS[topology];
  if (!(action.kind in KINDS[topology])) return `"${action.kind}" is not something ${runName} can do`;
  if ('process' in action && !knowsProcess(topology, action.process))
    return `"${action.kind}" names ${action.process}, and ${runName} has no such process`;
  return null;
}

/** Whether a guide can perform `action` in a run of `topology`: then it is that topology's action. */
export function isActionOf<T extends Topology>(
  action: NarrativeAction,
  topology: T,
): action is ActionsByTopology[T] {
  return wrongTopologyText(action, topology) === null;
}
