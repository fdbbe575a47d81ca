// A demonstration: the run that makes one claim visible — a library entry, two
// entries side by side, or an entry's scenario with its data changed (for a
// claim no guide tells yet) — and the checker's verdict it promises, which
// interview.test.ts holds against the library. Pure data and lookups: no
// links (the page builds those), no run.

import type { InvariantName } from '../../invariantCatalogue';
import type { DataEdit } from '../editableRows';
import type { Scenario } from '../scenario';
import { libraryEntry } from './index';
import type { LibraryEntry } from './types';

export type Demo =
  /** Opens the entry with its guide; `promises` is what the checker reports at its end (the entry's `expect`). */
  | { kind: 'entry'; entry: string; promises: InvariantName[] }
  /** Two entries on the compare page, run together; `promises` per side. */
  | { kind: 'compare'; a: string; b: string; promises: [InvariantName[], InvariantName[]] }
  /**
   * The entry's scenario with `data` added and no guide (its narrative would tell another story): run to its end,
   * it shows `promises`. `what` names the change in a few words ("the warehouse cannot undo").
   */
  | { kind: 'variant'; entry: string; what: string; data: DataEdit[]; promises: InvariantName[] };

function entryOrThrow(id: string): LibraryEntry {
  const entry = libraryEntry(id);
  if (!entry) throw new Error(`no library entry '${id}'`);
  return entry;
}

/** The entries a demo opens, in the order it shows them. */
export function demoEntries(demo: Demo): LibraryEntry[] {
  return demo.kind === 'compare' ? [entryOrThrow(demo.a), entryOrThrow(demo.b)] : [entryOrThrow(demo.entry)];
}

/** The scenario a variant runs: the entry's, its data added to, with no guide. */
export function variantScenario(demo: Extract<Demo, { kind: 'variant' }>): Scenario {
  const { scenario } = entryOrThrow(demo.entry);
  return { ...scenario, guide: '', data: [...scenario.data, ...demo.data] };
}

/** A stable key per demo, so a list of demos can be deduplicated (and tested once each). */
export function demoKey(demo: Demo): string {
  if (demo.kind === 'compare') return `compare:${demo.a}+${demo.b}`;
  if (demo.kind === 'variant') return `variant:${demo.entry}:${demo.what}`;
  return `entry:${demo.entry}`;
}
