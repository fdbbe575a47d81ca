// Fork from here: a link that replays a deterministic run to the step on show
// (the scenario's `at`) and then changes one thing — adds a fault ("what if
// the relay had crashed here instead?") or flips a duplicate guard ("what if
// the inbox had been off from here?"). The scenario travels in the hash as
// every share link's does; the change in the `fork` query parameter, checked
// as strictly as a link's faults. The change is made once the run stands at
// its step, so the fork's trace equals the original's up to there.

import { describeFault, type Fault } from '../core/faults/faultPlan';
import { encodeScenario } from '../core/scenario/link';
import { TOPOLOGIES, type Scenario, type Topology } from '../core/scenario/scenario';
import { TOPOLOGY_FACTS } from '../core/scenario/topologyFacts';
import { validateFaultPlan } from '../core/scenario/validate';

export const FORK_PARAM = 'fork';

/** The switches a shop run can flip mid-run: each is read by the services at every use, so it takes from the next step. */
export const FORK_SWITCHES = ['inbox', 'idempotencyKeys', 'semanticLocks'] as const;
export type ForkSwitch = (typeof FORK_SWITCHES)[number];

export const SWITCH_WORDS: Record<ForkSwitch, string> = {
  inbox: 'the inbox',
  idempotencyKeys: 'idempotency keys',
  semanticLocks: 'semantic locks',
};

export type ForkChange =
  { kind: 'fault'; fault: Fault } | { kind: 'switch'; switch: ForkSwitch; on: boolean };

/** As the parameter spells it: a fault as a plan holds it (older fork links), a switch as `{ switch, on }`. */
export function forkParamValue(change: ForkChange): string {
  return JSON.stringify(change.kind === 'fault' ? change.fault : { switch: change.switch, on: change.on });
}

/** The fork's address: `base` (a share link's base) with the change made at the scenario's `at`. */
export function forkLink(base: string, scenario: Scenario, change: ForkChange): string {
  const url = new URL(base);
  url.searchParams.set(FORK_PARAM, forkParamValue(change));
  url.hash = encodeScenario(scenario);
  return url.toString();
}

/** What a fork changes, in words: "the inbox off", or the added fault as the fault list says it. */
export function forkWords(change: ForkChange): string {
  if (change.kind === 'switch') return `${SWITCH_WORDS[change.switch]} ${change.on ? 'on' : 'off'}`;
  return describeFault(change.fault);
}

export type ForkFromUrl = { change: ForkChange | null; error: string | null };

/** The fork a page's query asks for, checked against the run it forks (its topology, its switches). */
export function forkFromUrl(search: string, scenario: Scenario): ForkFromUrl {
  const raw = new URLSearchParams(search).get(FORK_PARAM);
  if (raw === null) return { change: null, error: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { change: null, error: 'the fork’s change is not JSON' };
  }
  if (parsed !== null && typeof parsed === 'object' && 'switch' in parsed)
    return switchFrom(parsed, scenario);
  const checked = validateFaultPlan([parsed], scenario.topology);
  if (!checked.ok) return { change: null, error: `the fork’s added fault: ${checked.problems.join('; ')}` };
  return { change: { kind: 'fault', fault: checked.faults[0] }, error: null };
}

/** A run of `topology` reads the fork's switches (its facts say it honours them). */
const flipsSwitches = (topology: Topology) =>
  FORK_SWITCHES.every((s) => TOPOLOGY_FACTS[topology].honours.includes(s));

function switchFrom(parsed: object, scenario: Scenario): ForkFromUrl {
  const refuse = (why: string) => ({ change: null, error: `the fork’s switch: ${why}` });
  const { switch: name, on, ...rest } = parsed as { switch: unknown; on: unknown };
  if (Object.keys(rest).length) return refuse(`unknown field ${Object.keys(rest)[0]}`);
  if (!flipsSwitches(scenario.topology)) {
    const flippers = TOPOLOGIES.filter(flipsSwitches).map((t) => TOPOLOGY_FACTS[t].runName);
    return refuse(
      `only ${flippers.join(' or ')} has switches to flip (this run’s topology is ${scenario.topology})`,
    );
  }
  if (!FORK_SWITCHES.includes(name as ForkSwitch))
    return refuse(
      `${typeof name === 'string' ? `"${name.slice(0, 40)}"` : 'that'} is not one of ${FORK_SWITCHES.join(', ')}`,
    );
  if (typeof on !== 'boolean') return refuse('on must be true or false');
  const key = name as ForkSwitch;
  if (scenario[key] === on) return refuse(`${SWITCH_WORDS[key]} is ${on ? 'on' : 'off'} in this run already`);
  return { change: { kind: 'switch', switch: key, on }, error: null };
}
