// What a topology is to the rest of the playground: one module per topology
// (shop, event-sourced, cdc) in the TOPOLOGIES registry. The entry point, the
// guide and the library ask the module; none of them tests a topology's name.
// A module stays light: its run and its page are loaded only when a link opens one.

import type { ReactElement } from 'react';
import type { Scenario, Topology } from '../../core/scenario/scenario';
import type { PageMode } from '../../ui/present/pageMode';

/** How a run's page is framed: the full page, the bare canvas of an embed, or the presenter's layout. */
export type PageChrome = Exclude<PageMode, 'compare'>;

export interface TopologyPage {
  /** Starts the run the address names (or, when it cannot, a stand-in that says why) and gives its page. */
  open(location: Location, chrome: PageChrome): Promise<ReactElement>;
}

export interface TopologyModule<T extends Topology = Topology> {
  readonly topology: T;
  /** How the library dialog says a run of this topology will behave, before it is opened. */
  libraryModeText(scenario: Pick<Scenario, 'mode'>): string;
  /** What the guide tells the viewer about how alike two showings of this run are. */
  guideModeText(scenario: Pick<Scenario, 'mode'>): string;
  /** The compare page can run two of these side by side (it drives them through the shop's API). */
  readonly comparable: boolean;
  /** The run and its page (app, toolbar, side tabs, guide actions), loaded lazily so the default page stays small. */
  page(): Promise<TopologyPage>;
}
