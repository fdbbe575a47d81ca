// What a topology is to the rest of the playground: one module per topology
// (shop, event-sourced, cdc) in the TOPOLOGIES registry. The entry point, the
// guide, the library and the one conductor ask the module; none of them
// tests a topology's name. A module stays light: the facts the conductor
// starts a run from are data, and its run (conductor, calls, checker, API)
// and its page (app, toolbar, canvas, side tabs, guide actions) are loaded
// only when a link opens one.

import type { ReactElement } from 'react';
import type { ActionsByTopology } from '../../core/scenario/library';
import type { Scenario, Topology } from '../../core/scenario/scenario';
import type { PageMode, RunlessPage } from '../../ui/present/pageMode';
import type { RunFacts } from '../run/runFacts';

/** How a run's page is framed: the full page, the bare canvas of an embed, or the presenter's layout. */
export type PageChrome = Exclude<PageMode, RunlessPage>;

/** A topology's page: what it renders for the controller of a run (or the stand-in of one that could not start). */
export interface PageSlot<Ctl> {
  render(controller: Ctl, chrome: PageChrome): ReactElement;
}

export interface TopologyModule<T extends Topology = Topology> {
  readonly topology: T;
  /**
   * What a run of this scenario is made of: its processes and start order, the worker each runs, where each
   * can crash, which is its broker, how its watcher paces itself, whether it can step deterministically.
   */
  facts(scenario: Scenario): RunFacts<string>;
  /** How the library dialog says a run of this topology will behave, before it is opened. */
  libraryModeText(scenario: Pick<Scenario, 'mode'>): string;
  /** What the guide tells the viewer about how alike two showings of this run are. */
  guideModeText(scenario: Pick<Scenario, 'mode'>): string;
  /** How the guide names one of this run's actions, in the present ("restarts bank") or the past. */
  actionText(action: ActionsByTopology[T], past: boolean): string;
  /** The compare page can run two of these side by side (it needs only the basics every run's API has). */
  readonly comparable: boolean;
  /** Its canvas marks the rows the checker's anomalies name (a checkpoint's reveal points at them). */
  readonly marksNamedRows: boolean;
  /** Loads the run and the page, starts the run the address names (or the stand-in that says why not) and gives its page. */
  open(location: Location, chrome: PageChrome): Promise<ReactElement>;
}
