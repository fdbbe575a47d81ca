// What each worker is given at start, by topology: the one field of the start
// message (workerProtocol.ts) whose shape depends on the process. Types only:
// the topology's conductor fills them, the worker entry reads them.

import type { SimTiming } from '../core/clock';
import type { ServiceConfig } from '../core/service/definition';
import type { PaceName } from '../core/service/pace';
import type { ServiceName } from '../core/rows';
import type { RelayMode } from '../core/vocabulary';

/** A deterministic run's process: ids drawn from `seed` and `salt` (its incarnation), clock starting at `at`. */
export interface DeterministicInit {
  seed: number;
  salt: string;
  at: number;
}

/** A live shop run on NATS JetStream: the server's WebSocket address, which every process of the run connects to. */
export interface NatsOptions {
  url: string;
}

/**
 * A shop service: its settings, whether the run is paused, how simulation time runs, (deterministic) its seed,
 * and (`nats`) the JetStream server it publishes to and consumes from instead of the local broker.
 */
export interface ServiceStartOptions {
  config: ServiceConfig;
  paused: boolean;
  timing: SimTiming;
  deterministic?: DeterministicInit;
  nats?: NatsOptions;
}

/**
 * The local broker (shop and CDC runs): how long its log keeps records (null: for ever), paused, (deterministic)
 * its clock, and `natsAsked`: the link asked for NATS at that address, but a deterministic run stays here.
 */
export interface BrokerStartOptions {
  logRetentionMs: number | null;
  paused: boolean;
  /**
   * A live run's simulation clock: given, the broker stamps each fact with the time it happened, as the shop's
   * services do, so the history orders them by when they happened rather than when the page heard.
   */
  timing?: SimTiming;
  deterministic?: DeterministicInit;
  natsAsked?: string;
}

/**
 * A shop run's broker process on NATS: it lays out the run's streams and consumers for `services` (their topics
 * named as `relay` publishes them) before any service starts, then reads JetStream's figures for the canvas,
 * the checker and settling.
 */
export interface NatsBrokerStartOptions {
  nats: NatsOptions;
  paused: boolean;
  services: ServiceName[];
  relay: RelayMode;
}

/** A process of a topology whose steps the scheduler grants in a deterministic run (absent: a live run). */
export interface SteppedStartOptions {
  deterministic?: DeterministicInit;
}

/** An event-sourced store (`orders`, `bank`): how often it snapshots a stream. */
export interface EsStoreStartOptions extends SteppedStartOptions {
  snapshotEvery: number;
}

/** The processes that run at a pace (the event-sourced query service, the CDC connector and search service). */
export interface PacedStartOptions extends SteppedStartOptions {
  pace: PaceName;
}

/** The event-sourced run's query service: whether each projection batch's checkpoint is stored apart (`inbox`). */
export interface EsQueryStartOptions extends PacedStartOptions {
  checkpointApart: boolean;
}

/** The CDC run's query service: whether its listings' history skips a change its stream already holds (`inbox`). */
export interface SearchStartOptions extends PacedStartOptions {
  dedupHistory: boolean;
}

/** The CDC run's legacy listings service: the seed its random writes are drawn from. */
export interface ListingsStartOptions extends SteppedStartOptions {
  seed: number;
}
