// What a library scenario is: a scenario plus the story told over it — a few
// steps, each saying what to press and what to watch, with the action the
// guide performs when the viewer moves on. Pure data, so a new pattern adds
// its scenarios without touching code.

import type { InvariantName } from '../../invariants';
import type { ProcessName } from '../../telemetry';
import type { Scenario } from '../scenario';

export type NarrativeAction =
  /** Deterministic runs: grant this many steps. */
  | { kind: 'steps'; count: number }
  /** Deterministic runs: grant steps until nothing is left. */
  | { kind: 'runToEnd' }
  /** Live runs: place orders now — random ones, or each like `like` (one customer, one basket). */
  | { kind: 'placeOrders'; count: number; like?: { items: { sku: string; qty: number }[] } }
  | { kind: 'restart'; process: ProcessName }
  /** Live runs: wait until nothing is owed anywhere. */
  | { kind: 'settle' }
  /** Bring a side-panel tab forward. */
  | { kind: 'showTab'; tab: 'sagas' | 'setup' | 'faults' | 'anomalies' | 'log' };

export interface NarrativeStep {
  /** What happens at this step, in a sentence or two. */
  say: string;
  /** Where to look while it happens. */
  watch: string;
  /** What the guide does when the viewer reaches this step (nothing: just read). */
  do?: NarrativeAction;
}

export interface LibraryEntry {
  id: string;
  title: string;
  /** The part of the seed text this scenario shows. */
  section: string;
  /** The idea in one line. */
  idea: string;
  scenario: Scenario;
  /** Three to six steps. */
  narrative: NarrativeStep[];
  /** The scenario to compare this one with, if there is one (same seed and faults, one switch changed). */
  partner?: string;
  /** The anomalies the checker reports once the narrative has run to its end: none for a pattern, its failure for a "before". */
  expect: InvariantName[];
}
