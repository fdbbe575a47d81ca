// The cross-field checks: settings that are each valid, asked of a topology that cannot honour them (a broker
// fault in a run without a broker, a crash at a point the process never reaches, the shop's switches on an
// event-sourced run). One `path: what is wrong` sentence per problem, read off TOPOLOGY_FACTS; pure.

import type { Fault } from '../faults/faultPlan';
import { libraryEntry } from './library';
import { DEFAULT_SCENARIO, type Scenario, type Topology } from './scenario';
import {
  TOPOLOGY_FACTS,
  TOPOLOGY_SETTINGS,
  type BrokerFaultKind,
  type ProcessFacts,
  type TopologyFacts,
} from './topologyFacts';

/** Everything in `s` that its topology cannot do; empty when the scenario fits. */
export function topologyProblems(s: Scenario): string[] {
  const facts = TOPOLOGY_FACTS[s.topology];
  return [
    ...brokerProblems(s, facts),
    ...workshopProblems(s, facts),
    ...settingProblems(s, facts),
    ...s.faults.flatMap((fault, i) => faultProblems(fault, `faults[${i}]`, s, facts)),
    ...s.data.flatMap((edit, i) =>
      facts.dataServices.includes(edit.service)
        ? []
        : [`data[${i}].service: ${facts.runName} has no ${edit.service} service whose rows to set`],
    ),
    ...guideProblems(s, facts),
  ];
}

/**
 * A fault plan's problems in a run of `topology`, without the settings a run may change later: a plan edited
 * in a running shop is checked against every process the shop can have (the orchestrator included).
 */
export function faultPlanProblems(faults: readonly Fault[], topology: Topology): string[] {
  const facts = TOPOLOGY_FACTS[topology];
  return faults.flatMap((fault, i) => faultProblems(fault, `faults[${i}]`, null, facts));
}

function settingProblems(s: Scenario, facts: TopologyFacts): string[] {
  return TOPOLOGY_SETTINGS.filter(
    (key) => !facts.honours.includes(key) && s[key] !== DEFAULT_SCENARIO[key],
  ).map((key) => {
    const readers = runNamesWhere((f) => f.honours.includes(key));
    return `${key}: ${facts.runName} does not read this setting (only ${readers.join(' or ')} does), so it stays ${show(DEFAULT_SCENARIO[key])}, got ${JSON.stringify(s[key])}`;
  });
}

/** The broker the run asks for, and the address it needs: one goes with the other, on a topology that has that broker. */
function brokerProblems(s: Scenario, facts: TopologyFacts): string[] {
  if (s.broker !== DEFAULT_SCENARIO.broker && !facts.brokers.includes(s.broker)) {
    const carriers = runNamesWhere((f) => f.brokers.includes(s.broker));
    return [
      facts.brokers.length
        ? `broker: ${facts.runName} runs on the ${facts.brokers.join(' or ')} broker only for now (only ${carriers.join(' or ')} can run on ${s.broker}), got ${JSON.stringify(s.broker)}`
        : `broker: ${facts.runName} has no broker, so it cannot run on ${s.broker}, got ${JSON.stringify(s.broker)}`,
    ];
  }
  if (s.broker === 'nats' && !s.natsUrl)
    return [
      "natsUrl: missing: a run on broker nats needs the NATS server's WebSocket address (ws://host:port)",
    ];
  if (s.broker !== 'nats' && s.natsUrl)
    return [
      `natsUrl: only a run on broker nats reads it, and this one's broker is ${s.broker} (set broker to nats, or leave natsUrl out)`,
    ];
  return [];
}

/**
 * A workshop's split run (`services` and `run`): only a live run of a topology that splits across browsers, on
 * NATS, as the services of other browsers are reached through the server; each field needs the other.
 */
function workshopProblems(s: Scenario, facts: TopologyFacts): string[] {
  if (s.services === null && !s.run) return [];
  const field = s.run ? 'run' : 'services';
  if (!facts.splitsAcrossBrowsers) {
    const splitters = runNamesWhere((f) => f.splitsAcrossBrowsers).map((name) => `${name}'s`);
    return [
      `${field}: only ${splitters.join(' or ')} services can be split across browsers, and this is ${facts.runName}`,
    ];
  }
  if (s.broker !== 'nats')
    return [
      `${field}: a workshop run is split across browsers through a NATS server, so it needs broker nats and natsUrl (this run's broker is ${s.broker})`,
    ];
  if (s.mode === 'deterministic')
    return [
      `${field}: a workshop run is live (its services run in other browsers, on their own time); a deterministic run stays in one browser`,
    ];
  if (!s.run)
    return [
      'run: missing: a link with services names the workshop run it joins (room-42), so every join link lands in the same run',
    ];
  if (s.services === null)
    return [
      "services: missing: a workshop link says which services this browser runs (services: ['payment']; [] for the presenter)",
    ];
  const absent = s.services.filter((name) => name === 'orchestrator' && s.sagaStyle !== 'orchestration');
  return absent.map(
    (name) =>
      `services: ${name} runs only when sagaStyle is orchestration, and this scenario's is ${s.sagaStyle}`,
  );
}

const BROKER_FAULT_NAMES: Record<BrokerFaultKind, string> = {
  duplicate: 'a duplicate delivery',
  delay: 'a delayed delivery',
  'broker-outage': 'a broker outage',
  slow: 'a slow consumer',
};

/** `s`: the scenario the fault is part of; null when its other settings are not known (see faultPlanProblems). */
function faultProblems(fault: Fault, path: string, s: Scenario | null, facts: TopologyFacts): string[] {
  if (fault.kind === 'crash') {
    const problem = processProblem(fault.service, `${path}.service`, 'process', s, facts);
    if (problem) return [problem];
    const { crashPoints } = facts.processes[fault.service];
    if (crashPoints.includes(fault.point)) return [];
    return [
      `${path}.point: ${fault.service} never reaches ${fault.point}; it can crash at ${crashPoints.join(', ')}`,
    ];
  }
  if (!facts.brokerFaults.includes(fault.kind)) {
    return [
      facts.brokerFaults.length
        ? `${path}.kind: ${facts.runName} cannot stage ${BROKER_FAULT_NAMES[fault.kind]}; its broker faults are ${facts.brokerFaults.join(', ')}`
        : `${path}.kind: ${BROKER_FAULT_NAMES[fault.kind]} is a broker fault, and ${facts.runName} has no broker`,
    ];
  }
  if (fault.kind === 'broker-outage') return [];
  const problem = processProblem(fault.group, `${path}.group`, 'consumer group', s, facts);
  return problem ? [problem] : [];
}

/** Why `name` is not a process (or, for `consumer group`, a broker consumer) of this run; null when it is. */
function processProblem(
  name: string,
  path: string,
  what: 'process' | 'consumer group',
  s: Scenario | null,
  facts: TopologyFacts,
): string | null {
  const candidates = Object.entries(facts.processes)
    .filter(([, p]) => what === 'process' || p.consumerGroup)
    .map(([processName]) => processName);
  if (!candidates.includes(name)) {
    return `${path}: ${facts.runName} has no ${what} ${name}; its ${what === 'process' ? 'processes' : 'consumer groups'}: ${candidates.join(', ')}`;
  }
  const absentBecause = s && unmet(facts.processes[name], s);
  return absentBecause ? `${path}: ${name} runs only when ${absentBecause}` : null;
}

/** The first setting `process` needs that `s` does not have, as words; null when it runs. */
function unmet(process: ProcessFacts, s: Scenario): string | null {
  for (const [key, value] of Object.entries(process.onlyWhen ?? {}) as [keyof Scenario, unknown][]) {
    if (s[key] !== value) return `${key} is ${show(value)}, and this scenario's is ${show(s[key])}`;
  }
  return null;
}

/** A library guide narrates one topology's run: its steps call that run's actions. */
function guideProblems(s: Scenario, facts: TopologyFacts): string[] {
  const entry = s.guide ? libraryEntry(s.guide) : undefined;
  const checkpoints = entry?.checkpoints?.length ?? 0;
  if (s.checkpoint > checkpoints)
    return [
      !entry
        ? `checkpoint: ${s.checkpoint} needs a library guide to open at, and this run has none`
        : `checkpoint: ${s.checkpoint}, but the guide ${entry.id} has ${checkpoints === 0 ? 'no checkpoints' : `checkpoints 1 to ${checkpoints}`}`,
    ];
  if (!entry || entry.scenario.topology === s.topology) return [];
  return [
    `guide: ${s.guide} is the story of ${TOPOLOGY_FACTS[entry.scenario.topology].runName}; this is ${facts.runName}`,
  ];
}

/** How a sentence names the topologies whose facts pass `test`, to say which could do what this one cannot. */
function runNamesWhere(test: (facts: TopologyFacts) => boolean): string[] {
  return (Object.values(TOPOLOGY_FACTS) as TopologyFacts[]).filter(test).map((f) => f.runName);
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
