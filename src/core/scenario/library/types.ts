// What a library scenario is: a scenario plus the story told over it — a few
// steps, each saying what to press and what to watch, with the action the
// guide performs when the viewer moves on. Pure data, so a new pattern adds
// its scenarios without touching code.

import type { InvariantName } from '../../invariantCatalogue';
import type { ProcessName } from '../../telemetry';
import type { Scenario, Topology } from '../scenario';
import type { CrashPoint } from '../../crashPoints';
import type { EsProcess, ReadModelName } from '../../eventsourcing/esTypes';
import type { ReadYourWritesRemedy } from '../../eventsourcing/readYourWrites';
import type { CdcProcess, ListingWrite } from '../../cdc/cdcTypes';
import type { ServiceName } from '../../rows';
import type { Checkpoint } from './checkpoints';

/**
 * A moment a shop guide's step stops on, read off the run's real state (statuses, the databases) between steps:
 * a guide step that only granted a count of steps stopped wherever the seeded pick of steps had got to, so a crash
 * and the restart the scheduler offers right after it could fly past within one step.
 */
export type Beat =
  /** `process` is down (a planned crash fired): it stays shown crashed until a later step brings it back. */
  | { kind: 'crash'; process: ProcessName }
  /** `process` is running again: in a deterministic run, the scheduler granted its restart. */
  | { kind: 'restart'; process: ProcessName }
  /** The order service has committed one order more than when the step began. */
  | { kind: 'placed' }
  /** Every row pending in `service`'s outbox when the step began is marked published. */
  | { kind: 'published'; service: ServiceName }
  /** `service` has committed an outbox row of `type` (an event or command it sends) since the step began. */
  | { kind: 'emitted'; service: ServiceName; type: string };

/** What a step may do in a shop run (the default topology). */
export type ShopAction =
  /** Deterministic runs: grant this many steps. */
  | { kind: 'steps'; count: number }
  /** Deterministic runs: grant steps until nothing is left. */
  | { kind: 'runToEnd' }
  /**
   * Until `beat` comes: a deterministic run is granted one step at a time, a live one is waited on. Bounded: it
   * stops and says so when the beat does not come (the run ended, or the bound passed: the setup was changed, say).
   */
  | { kind: 'stepUntil'; beat: Beat }
  /** Live runs: place orders now — random ones, or each like `like` (one customer, one basket). */
  | { kind: 'placeOrders'; count: number; like?: { items: { sku: string; qty: number }[] } }
  /** `whenCrashed`: first wait for a crash the scenario planned (it fires when the process gets there, a moment later in a live run). */
  | { kind: 'restart'; process: ProcessName; whenCrashed?: boolean }
  /** Live runs: wait until nothing is owed anywhere. */
  | { kind: 'settle' }
  /** Bring a side-panel tab forward. */
  | { kind: 'showTab'; tab: 'sagas' | 'setup' | 'faults' | 'anomalies' | 'log' };

/** What a step may do in an event-sourced run (see runtime/esController.ts for each call). */
export type EsAction =
  /** A new order (created, then two items added), chosen so Replay shows it. */
  | { kind: 'newOrder' }
  /** Appends `count` events to the newest order. */
  | { kind: 'growOrder'; count: number }
  /** Loads the newest order with and without snapshots and says what each read. */
  | { kind: 'measureLoad' }
  /** Two writers append to the newest order from the same version. */
  | { kind: 'stageRace' }
  | { kind: 'transfer'; from: string; to: string; amount: number }
  /** Arms a crash: the process dies the next time it reaches `point`. */
  | { kind: 'crashAt'; process: EsProcess; point: CrashPoint }
  | { kind: 'restart'; process: EsProcess }
  | { kind: 'rebuild'; name: ReadModelName }
  | { kind: 'readYourWrites'; remedy: ReadYourWritesRemedy }
  /** Waits until every projection has caught up and nothing is in flight. */
  | { kind: 'settle' }
  | { kind: 'showTab'; tab: 'replay' | 'race' | 'ryw' | 'anomalies' };

/** What a step may do in a change-data-capture run (see runtime/cdcController.ts for each call). */
export type CdcAction =
  /** One write of the legacy service to its own table, as its own transaction. */
  | { kind: 'write'; write: ListingWrite }
  /** `count` random creates, updates and deletes, one transaction each. */
  | { kind: 'writeMany'; count: number }
  /** Arms a crash: the process dies the next time it reaches `point`. */
  | { kind: 'crashAt'; process: CdcProcess; point: CrashPoint }
  /** Restarts the process once it has crashed (a crash armed by an earlier step may fire a moment later). */
  | { kind: 'restart'; process: CdcProcess }
  /** Waits until the connector has published the whole log and the query service has applied it. */
  | { kind: 'settle' }
  /** Waits for the read model, then searches it as the query node's search box does. */
  | { kind: 'search'; text: string; city?: string }
  | { kind: 'showTab'; tab: 'envelope' | 'anomalies' };

/**
 * What a guide may do, by the topology of its run. Each topology names its actions in its own words (a shop run's
 * `restart` and an event-sourced run's are two actions): the entry's topology says which set its steps draw from.
 */
export interface ActionsByTopology {
  shop: ShopAction;
  'event-sourced': EsAction;
  cdc: CdcAction;
}

export type NarrativeAction = ActionsByTopology[Topology];

export interface NarrativeStep<A extends NarrativeAction = NarrativeAction> {
  /** What happens at this step, in a sentence or two. */
  say: string;
  /** Where to look while it happens. */
  watch: string;
  /** What the guide does when the viewer reaches this step (nothing: just read). */
  do?: A;
}

/** A library entry whose steps are actions of one topology's (`A`): its scenario's topology must be that one. */
export interface LibraryEntryOf<A extends NarrativeAction> {
  id: string;
  title: string;
  /** The part of the seed text this scenario shows. */
  section: string;
  /** The idea in one line. */
  idea: string;
  scenario: Scenario;
  /** Three to six steps. */
  narrative: NarrativeStep<A>[];
  /**
   * The scenario to compare this one with: the same scenario with exactly one field changed (same seed, orders,
   * data and faults), checked over the whole library by src/test/libraryPairs.test.ts.
   */
  partner?: string;
  /** A related story that is not a one-switch pair (its run differs only in what the narrative does, say). */
  seeAlso?: string;
  /** The anomalies the checker reports once the narrative has run to its end: none for a pattern, its failure for a "before". */
  expect: InvariantName[];
  /** Questions asked before key beats, answered by the run's own outcome (checkpoints.ts). */
  checkpoints?: Checkpoint[];
  /** A production system the seed names that runs this scenario's shape, and what it does differently from our run. */
  inProduction?: InProduction;
}

export interface InProduction {
  /** Who runs it, and for what ("Uber's ride booking"). */
  system: string;
  /** One line on what the real system does that this run does not. */
  differs: string;
}

/** The entries of each topology's library file. */
export type ShopEntry = LibraryEntryOf<ShopAction>;
export type EsEntry = LibraryEntryOf<EsAction>;
export type CdcEntry = LibraryEntryOf<CdcAction>;

export type LibraryEntry = { [T in Topology]: LibraryEntryOf<ActionsByTopology[T]> }[Topology];
