// Where the library's links go: an entry opens its scenario in a fresh run,
// on this page's address without its query, so no `run=` resumes the current
// databases. Pairs go to the compare page (compare/compareLink.ts); opening a
// link is export/shareBase.ts's openLink. Pure.

import type { LibraryEntry } from '../../core/scenario/library';
import { scenarioLink } from '../../core/scenario/link';
import { topologyOf } from '../../runtime/topologies';

/** The page's address without query or hash: the base of every library link. */
export function pageBase(location: Pick<Location, 'origin' | 'pathname'>): string {
  return location.origin + location.pathname;
}

export function entryHref(base: string, entry: Pick<LibraryEntry, 'scenario'>): string {
  return scenarioLink(base, entry.scenario);
}

/** Opens the entry's guide at its checkpoint `index` (0-based): the steps before the question run, then it waits. */
export function checkpointHref(base: string, entry: Pick<LibraryEntry, 'scenario'>, index: number): string {
  return scenarioLink(base, { ...entry.scenario, checkpoint: index + 1 });
}

/** The compare page runs two runs side by side only where their topology says it can: other pairs are linked one by one. */
export function canCompare(a: Pick<LibraryEntry, 'scenario'>, b: Pick<LibraryEntry, 'scenario'>): boolean {
  return topologyOf(a.scenario).comparable && topologyOf(b.scenario).comparable;
}
