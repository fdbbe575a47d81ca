// The one stand-in for a run that could not start, whatever its topology: it
// tells the error to whoever subscribes, shows every process as crashed,
// answers the reads a page makes while rendering (settings, mode, plan) from
// the default scenario, does nothing on the calls that change nothing
// (play, pause, crash), and refuses every other call — the topology's own
// ones included, by whatever name — with the reason. So the page shows the
// error instead of going blank.

import { DEFAULT_SCENARIO, type Topology } from '../core/scenario/scenario';
import { serviceConfig } from '../core/service/pace';
import { ERROR_CATALOGUE } from '../core/errorCatalogue';

const doNothing = () => undefined;

/** Names the language asks of any object (an awaited value's `then`, say): those must stay absent, not refuse. */
const PROBES = new Set(['then', 'toJSON', 'constructor']);
const refusable = (name: string | symbol): name is string => typeof name === 'string' && !PROBES.has(name);

export function unavailableRun<Ctl>(
  topology: Topology,
  cause: unknown,
  code: string = ERROR_CATALOGUE.CONDUCTOR_START_FAILED.code,
): Ctl {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const error = { kind: 'error' as const, code, message: reason };
  const refuse = () => Promise.reject(new Error(`The playground is not running: ${reason}`));
  const scenario = { ...DEFAULT_SCENARIO, topology, faults: [] };
  const known: Record<string, unknown> = {
    topology,
    runId: '',
    mode: 'live',
    config: serviceConfig(scenario),
    ordering: scenario.ordering,
    processNames: [],
    faultPlan: [],
    scenario: () => scenario,
    subscribe(listener: (events: (typeof error)[]) => void) {
      listener([error]);
      return doNothing;
    },
    // Nothing was started, so nothing is up.
    status: () => 'crashed',
    anomalies: () => [],
    play: doNothing,
    pause: doNothing,
    crashNow: doNothing,
    crashAt: doNothing,
    setSpeed: doNothing,
    dispose: doNothing,
  };
  return new Proxy(known, {
    get: (target, name) => (refusable(name) && !(name in target) ? refuse : target[name as string]),
  }) as Ctl;
}
