// The library as the dialog lists it: grouped by the part of the seed text
// each scenario shows, sections in the order they first appear. Pure.

import type { LibraryEntry } from '../../core/scenario/library';
import { topologyOf } from '../../runtime/topologies';

export interface LibrarySection<E> {
  section: string;
  entries: E[];
}

export function groupBySection<E extends Pick<LibraryEntry, 'section'>>(
  entries: readonly E[],
): LibrarySection<E>[] {
  const sections = new Map<string, E[]>();
  for (const entry of entries) {
    const list = sections.get(entry.section);
    if (list) list.push(entry);
    else sections.set(entry.section, [entry]);
  }
  return [...sections].map(([section, list]) => ({ section, entries: list }));
}

/** How the dialog says the run will behave. */
export function modeText(entry: Pick<LibraryEntry, 'scenario'>): string {
  return topologyOf(entry.scenario).libraryModeText(entry.scenario);
}
