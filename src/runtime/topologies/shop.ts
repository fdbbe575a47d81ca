// The shop: order, payment, inventory, shipping (and, for an orchestrated
// saga, the orchestrator) with their outboxes and inboxes, and the broker.
// Its run is shop/ShopConductor.ts; its page ui/App.tsx.

import { shopActionText } from '../../ui/guide/shopActionText';
import { SERVICE_NAMES, type ServiceName } from '../../core/rows';
import type { Scenario } from '../../core/scenario/scenario';
import { serviceConfig } from '../../core/service/pace';
import type { ProcessName } from '../../core/telemetry';
import type { RunFacts } from '../run/runFacts';
import { spawnShopWorker } from '../shop/shopWorkers';
import { openRun } from './openRun';
import type { TopologyModule } from './topologyModule';

/** The services of a scenario: the orchestrator only exists when the saga is orchestrated. */
export function shopServices(scenario: Scenario): ServiceName[] {
  const orchestrated = serviceConfig(scenario).sagaStyle === 'orchestration';
  return SERVICE_NAMES.filter((s) => s !== 'orchestrator' || orchestrated);
}

/**
 * The NATS server a shop run's processes use instead of the local broker, or null: only a live run goes to
 * NATS (a deterministic one's every delivery is granted by the seeded scheduler, in this browser).
 */
export function natsUrlOf(scenario: Pick<Scenario, 'broker' | 'mode' | 'natsUrl'>): string | null {
  return scenario.broker === 'nats' && scenario.mode !== 'deterministic' ? scenario.natsUrl : null;
}

/**
 * The services this browser runs itself: every one, but in a workshop's split run only those its link names
 * (the others run in other browsers).
 */
export function ownServices(scenario: Scenario): ServiceName[] {
  const services = shopServices(scenario);
  return scenario.services === null ? services : services.filter((s) => scenario.services!.includes(s));
}

/**
 * `remote`: in a workshop's split run, the worker of a service another browser runs (a RemoteWorker); such a
 * service is not started with the run but once its owner is heard.
 */
export function shopFacts(
  scenario: Scenario,
  remote?: (service: ServiceName) => Worker,
): RunFacts<ProcessName> {
  const services = shopServices(scenario);
  const own = ownServices(scenario);
  const onNats = natsUrlOf(scenario) !== null;
  return {
    processes: ['broker', ...services],
    // The services publish to and consume from the broker: it comes first (on NATS, it checks the server answers).
    startOrder: [['broker'], own],
    // The services share one set of crash points (the before-approach ones among them): any may be armed.
    broker: 'broker',
    spawn: (process) =>
      process !== 'broker' && remote && !own.includes(process)
        ? remote(process)
        : spawnShopWorker(process, onNats),
    // Every commit is reported, so the watcher hears each change; under load, a snapshot is costly. Each service and
    // the local broker report their whole database as they start, so the history can stand in for one while busy;
    // on NATS the broker's log lives in JetStream and no fact of it is recorded.
    watch: {
      quietWaitMs: 1000,
      busyCheckEveryMs: 5000,
      checkAfterLifecycle: false,
      busyFromHistory: onNats ? 'never' : 'always',
    },
    steps: true,
    opensPaused: true,
  };
}

export const shopTopology: TopologyModule<'shop'> = {
  topology: 'shop',
  facts: shopFacts,
  libraryModeText: (scenario) =>
    scenario.mode === 'deterministic' ? 'opens in deterministic mode' : 'opens in live mode',
  guideModeText: (scenario) =>
    scenario.mode === 'deterministic'
      ? 'A deterministic run: nothing moves until a step is granted, so each step below shows the same thing every time.'
      : 'A live run: every service runs on its own, so timings differ from one showing to the next.',
  actionText: shopActionText,
  comparable: true,
  marksNamedRows: true,
  open: (location, chrome) =>
    openRun(
      location,
      chrome,
      () => import('../shop/shopRun').then((m) => m.shopRun),
      () => import('../../ui/pages/shopPage').then((m) => m.shopPage),
    ),
};
