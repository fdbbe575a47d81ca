// Turns an untrusted value (parsed from a link, a file, a test) into a
// Scenario, or into one sentence per wrong field. Strict: unknown keys are
// errors. A scenario whose fields are each valid is then checked against what
// its topology can do (topologyFit.ts). It fills in nothing — defaults are the
// link decoders' business.

import * as v from 'valibot';
import { CDC_CRASH_POINT_NAMES, CRASH_POINT_NAMES, ES_CRASH_POINT_NAMES } from '../crashPoints';
import { SERVICE_NAMES } from '../rows';
import { ES_PROCESSES } from '../eventsourcing/esTypes';
import { CDC_PROCESSES } from '../cdc/cdcTypes';
import { PACES, type PaceName } from '../service/pace';
import type { Fault } from '../faults/faultPlan';
import {
  EVENT_TYPE_PATTERN,
  ORDERINGS,
  PUBLISHINGS,
  SAGA_STYLES,
  SCENARIO_LIMITS as L,
  SCENARIO_MODES,
  TOPOLOGIES,
  RELAY_MODES,
  BROKERS,
  NATS_URL_PATTERN,
  RUN_NAME_PATTERN,
  type Scenario,
  type Topology,
} from './scenario';
import { faultPlanProblems, topologyProblems } from './topologyFit';
import { DATA_EDIT_SCHEMA, type DataEdit } from './editableRows';

/**
 * Thrown by parseScenario; `problems` holds one `path: what is wrong` sentence per issue. `unfit`: every
 * setting is valid on its own, but the topology named cannot honour them all (see topologyFit.ts).
 */
export class ScenarioError extends Error {
  constructor(
    readonly problems: string[],
    readonly unfit?: Topology,
  ) {
    super(problems.join('; '));
    this.name = 'ScenarioError';
  }
}

export type ScenarioValidation =
  { ok: true; scenario: Scenario } | { ok: false; problems: string[]; unfit?: Topology };

// A value that breaks several checks of one field (Infinity is neither an
// integer nor under the maximum) is one problem, said once.
const ONE_PROBLEM_PER_FIELD = { abortPipeEarly: true } as const;

/** Each field is checked first; only a scenario whose fields are all valid is checked against its topology. */
export function validateScenario(input: unknown): ScenarioValidation {
  const result = v.safeParse(SCENARIO_SCHEMA, input, ONE_PROBLEM_PER_FIELD);
  if (!result.success) return { ok: false, problems: result.issues.map((issue) => describeIssue(issue)) };
  const unfit = topologyProblems(result.output);
  if (unfit.length) return { ok: false, problems: unfit, unfit: result.output.topology };
  return { ok: true, scenario: result.output };
}

export function parseScenario(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new ScenarioError(result.problems, result.unfit);
  return result.scenario;
}

export type FaultPlanValidation = { ok: true; faults: Fault[] } | { ok: false; problems: string[] };

/**
 * A fault plan from a script or the Faults tab, for a run of `topology` already going: checked as a link's
 * `faults` is, against every process that topology can have (the run's other settings are not asked).
 */
export function validateFaultPlan(input: unknown, topology: Topology): FaultPlanValidation {
  const result = v.safeParse(FAULTS_SCHEMA, input, ONE_PROBLEM_PER_FIELD);
  if (!result.success)
    return { ok: false, problems: result.issues.map((issue) => describeIssue(issue, ['faults'])) };
  const problems = faultPlanProblems(result.output, topology);
  return problems.length ? { ok: false, problems } : { ok: true, faults: result.output };
}

export type DataEditValidation = { ok: true; edit: DataEdit } | { ok: false; problems: string[] };

/** One row edit from a script or the Setup tab, checked exactly as a link's `data` is. */
export function validateDataEdit(input: unknown): DataEditValidation {
  const result = v.safeParse(DATA_EDIT_SCHEMA, input, ONE_PROBLEM_PER_FIELD);
  if (result.success) return { ok: true, edit: result.output };
  return { ok: false, problems: result.issues.map((issue) => describeIssue(issue)) };
}

// Each schema's message is the "expected …" half; describeIssue adds the path
// and what was found, so no message has to repeat them.

function integerIn(min: number, max: number) {
  const expected = `expected an integer from ${min} to ${max}`;
  return v.pipe(
    v.number(expected),
    v.integer(expected),
    v.minValue(min, expected),
    v.maxValue(max, expected),
  );
}

function oneOf<const T extends string>(options: readonly T[]) {
  return v.picklist(options, `expected one of ${options.join(', ')}`);
}

const service = oneOf(SERVICE_NAMES);
/** A crash may also name an event-sourced or CDC run's processes. */
const crashable = oneOf([...new Set([...SERVICE_NAMES, ...ES_PROCESSES, ...CDC_PROCESSES])]);
const eventType = v.pipe(
  v.string('expected an event type name'),
  v.maxLength(
    L.eventTypeLength.max,
    `expected an event type name of at most ${L.eventTypeLength.max} characters`,
  ),
  v.regex(EVENT_TYPE_PATTERN, 'expected an event type name: a letter, then letters or digits'),
);

const FAULT_SCHEMA: v.GenericSchema<unknown, Fault> = v.variant(
  'kind',
  [
    v.strictObject({
      kind: v.literal('crash'),
      service: crashable,
      point: oneOf([...CRASH_POINT_NAMES, ...ES_CRASH_POINT_NAMES, ...CDC_CRASH_POINT_NAMES]),
      nth: integerIn(L.crashNth.min, L.crashNth.max),
      downMs: v.optional(integerIn(L.downMs.min, L.downMs.max)),
    }),
    v.strictObject({ kind: v.literal('duplicate'), group: service, type: eventType }),
    v.strictObject({
      kind: v.literal('broker-outage'),
      publishes: integerIn(L.outagePublishes.min, L.outagePublishes.max),
    }),
    v.strictObject({
      kind: v.literal('delay'),
      group: service,
      type: eventType,
      ms: integerIn(L.delayMs.min, L.delayMs.max),
    }),
    v.strictObject({
      kind: v.literal('slow'),
      group: service,
      factor: integerIn(L.slowFactor.min, L.slowFactor.max),
    }),
  ],
  'expected a fault kind: crash, duplicate, broker-outage, delay or slow',
);

const FAULTS_SCHEMA = v.pipe(
  v.array(FAULT_SCHEMA, 'expected a list of faults'),
  v.maxLength(L.faults.max, `expected at most ${L.faults.max} faults`),
);

const boolean = v.boolean('expected true or false');

function numberIn(min: number, max: number) {
  const expected = `expected a number from ${min} to ${max}`;
  return v.pipe(v.number(expected), v.finite(expected), v.minValue(min, expected), v.maxValue(max, expected));
}
const EXPECTED_OBJECT = 'expected an object of scenario settings';
const NATS_URL_EXPECTED =
  "expected the NATS server's WebSocket address, ws://host:port or wss://host:port (or nothing)";

const RUN_NAME_EXPECTED =
  'expected a workshop run name: lower-case letters and digits, dashes between them (room-42), or nothing';

// Annotated with Scenario so the compiler rejects a schema whose output is not one.
const SCENARIO_SCHEMA: v.GenericSchema<unknown, Scenario> = v.pipe(
  // valibot takes an array for an object (it is one): refuse it before its
  // indexes are reported as a dozen unknown settings.
  v.custom<object>(
    (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
    EXPECTED_OBJECT,
  ),
  v.strictObject({
    version: v.literal(1, 'expected 1'),
    ordering: oneOf(ORDERINGS),
    publishing: oneOf(PUBLISHINGS),
    sagaStyle: oneOf(SAGA_STYLES),
    inbox: boolean,
    idempotencyKeys: boolean,
    semanticLocks: boolean,
    pace: oneOf(Object.keys(PACES) as PaceName[]),
    mode: oneOf(SCENARIO_MODES),
    seed: integerIn(L.seed.min, L.seed.max),
    orders: integerIn(L.orders.min, L.orders.max),
    faults: FAULTS_SCHEMA,
    data: v.pipe(
      v.array(DATA_EDIT_SCHEMA, 'expected a list of row edits'),
      v.maxLength(L.data.max, `expected at most ${L.data.max} row edits`),
    ),
    speed: numberIn(L.speed.min, L.speed.max),
    at: integerIn(L.at.min, L.at.max),
    guide: v.pipe(
      v.string('expected a library scenario id'),
      v.maxLength(L.guide.max, `expected a library scenario id of at most ${L.guide.max} characters`),
      v.regex(/^[a-z0-9-]*$/, 'expected a library scenario id: lower-case letters, digits and dashes'),
    ),
    checkpoint: integerIn(L.checkpoint.min, L.checkpoint.max),
    topology: oneOf(TOPOLOGIES),
    snapshotEvery: integerIn(L.snapshotEvery.min, L.snapshotEvery.max),
    relay: oneOf(RELAY_MODES),
    broker: oneOf(BROKERS),
    natsUrl: v.union(
      [
        v.literal(''),
        v.pipe(
          v.string(NATS_URL_EXPECTED),
          v.maxLength(L.natsUrl.max, `expected a URL of at most ${L.natsUrl.max} characters`),
          v.regex(NATS_URL_PATTERN, NATS_URL_EXPECTED),
        ),
      ],
      NATS_URL_EXPECTED,
    ),
    services: v.nullable(
      v.pipe(
        v.array(service, 'expected a list of the services this browser runs ([] for the presenter)'),
        v.maxLength(SERVICE_NAMES.length, `expected at most ${SERVICE_NAMES.length} services`),
        v.check((list) => new Set(list).size === list.length, 'expected each service once'),
      ),
    ),
    run: v.pipe(
      v.string(RUN_NAME_EXPECTED),
      v.maxLength(L.run.max, `expected a run name of at most ${L.run.max} characters`),
      v.check((name) => name === '' || RUN_NAME_PATTERN.test(name), RUN_NAME_EXPECTED),
    ),
  }),
);

// Keys and values come from whoever wrote the link: show only a little of
// each, so an error message cannot be used to carry text of their choosing.
const SHOWN_KEY = 20;
const SHOWN_VALUE = 20;

/** `within`: the path the checked value sits at, when it was checked apart from its scenario. */
function describeIssue(issue: v.BaseIssue<unknown>, within: string[] = []): string {
  const path = formatPath(issue.path, within);
  // A strict object reports key problems itself: an unknown key (expecting
  // `never`, with the key as input) or a missing one.
  if (issue.type === 'strict_object' && issue.path?.length) {
    return issue.expected === 'never' ? `${path}: unknown setting` : `${path}: missing`;
  }
  // A raw check (a data row's columns) writes its whole sentence: it knows what it found.
  if (issue.type === 'raw_check') return `${path}: ${issue.message}`;
  return `${path}: ${issue.message}, got ${describeValue(issue.input)}`;
}

function formatPath(path: v.IssuePathItem[] | undefined, within: string[]): string {
  const keys = [...within, ...(path ?? []).map((item) => item.key)];
  if (!keys.length) return 'scenario';
  return keys
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      const shown = clip(String(key), SHOWN_KEY);
      return index === 0 ? shown : `.${shown}`;
    })
    .join('');
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON text may say 1e999, which parses to Infinity (and JSON.stringify would show as null).
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value !== null && typeof value === 'object') return 'an object';
  return clip(JSON.stringify(value), SHOWN_VALUE);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
