// Names for the two sides of a comparison: each side's approach, plus only
// the switches in which the two differ ("dual write" vs "outbox"; "outbox ·
// no inbox" vs "outbox · inbox"), a line for what both share, and what differs
// as switches ("inbox on → off"), a fork's change by the side that made it. Pure.

import { describeFault } from '../../core/faults/faultPlan';
import type { Scenario } from '../../core/scenario/scenario';
import { scenarioDiff, type FieldChange } from '../../core/scenario/scenarioDiff';
import { forkWords, type ForkChange } from '../../runtime/forkLink';

export function approachLabel(s: Scenario): string {
  if (s.ordering === 'direct-calls') return 'direct calls';
  if (s.ordering === 'two-phase-commit') return 'two-phase commit';
  return s.publishing === 'dual-write' ? 'dual write' : 'outbox';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Each switch a scenario has besides its approach, in words; `same` decides whether two sides differ in it. */
const SWITCHES: { text(s: Scenario, other: Scenario): string; same(a: Scenario, b: Scenario): boolean }[] = [
  field('sagaStyle', (s) => (s.sagaStyle === 'orchestration' ? 'orchestrated saga' : 'choreographed saga')),
  field('relay', (s) => `${s.relay} relay`),
  field('inbox', (s) => (s.inbox ? 'inbox' : 'no inbox')),
  field('idempotencyKeys', (s) => (s.idempotencyKeys ? 'idempotency keys' : 'no idempotency keys')),
  field('semanticLocks', (s) => (s.semanticLocks ? 'semantic locks' : 'no semantic locks')),
  field('mode', (s) => s.mode),
  field('pace', (s) => `${s.pace} pace`),
  field('seed', (s) => `seed ${s.seed}`),
  field('orders', (s) => plural(s.orders, 'order')),
  field('faults', faultsText),
  field('data', (s) => plural(s.data.length, 'data edit')),
  field('speed', (s) => `speed ${s.speed}×`),
  field('at', (s) => `opens at step ${s.at}`),
];

function field<K extends keyof Scenario>(key: K, text: (s: Scenario, other: Scenario) => string) {
  return { text, same: (a: Scenario, b: Scenario) => JSON.stringify(a[key]) === JSON.stringify(b[key]) };
}

/** The count, or (when both plans have as many faults) the first fault that differs. */
function faultsText(s: Scenario, other: Scenario): string {
  if (s.faults.length !== other.faults.length)
    return s.faults.length ? plural(s.faults.length, 'fault') : 'no faults';
  const i = s.faults.findIndex((f, n) => JSON.stringify(f) !== JSON.stringify(other.faults[n]));
  return i < 0 ? plural(s.faults.length, 'fault') : describeFault(s.faults[i]);
}

export function compareLabels(a: Scenario, b: Scenario): [string, string] {
  const differing = SWITCHES.filter((sw) => !sw.same(a, b));
  const label = (s: Scenario, other: Scenario) =>
    [approachLabel(s), ...differing.map((sw) => sw.text(s, other))].join(' · ');
  return [label(a, b), label(b, a)];
}

/** What both sides share, so the header says what stays fixed while one switch changes. */
export function sharedSummary(a: Scenario, b: Scenario): string {
  const parts: string[] = [];
  const same = <K extends keyof Scenario>(key: K) => JSON.stringify(a[key]) === JSON.stringify(b[key]);
  if (same('mode')) parts.push(a.mode === 'deterministic' ? 'deterministic' : 'live');
  if (same('mode') && same('seed') && a.mode === 'deterministic') parts.push(`seed ${a.seed}`);
  if (same('orders') && a.orders > 0) parts.push(plural(a.orders, 'order'));
  if (same('pace')) parts.push(`${a.pace} pace`);
  if (same('faults')) parts.push(a.faults.length ? a.faults.map(describeFault).join('; ') : 'no faults');
  return parts.join(' · ');
}

const ON_OFF: Partial<Record<keyof Scenario, string>> = {
  inbox: 'inbox',
  idempotencyKeys: 'idempotency key',
  semanticLocks: 'semantic lock',
};

const NAMED: Partial<Record<keyof Scenario, string>> = {
  ordering: 'ordering',
  publishing: 'publishing',
  sagaStyle: 'saga',
  relay: 'relay',
  mode: 'mode',
  pace: 'pace',
  seed: 'seed',
  orders: 'orders',
  speed: 'speed',
};

const words = (value: unknown) => String(value).replace(/-/g, ' ');

/** One switch in words, from side A's value to side B's: "inbox on → off", "ordering direct calls → messaging". */
export function switchText(change: FieldChange): string {
  const { field, from, to } = change;
  if (ON_OFF[field]) return `${ON_OFF[field]} ${from ? 'on' : 'off'} → ${to ? 'on' : 'off'}`;
  if (field === 'snapshotEvery') {
    const every = (n: unknown) => (n ? `every ${String(n)} events` : 'none');
    return `snapshots ${every(from)} → ${every(to)}`;
  }
  if (field === 'faults' || field === 'data') {
    const count = (v: unknown) => plural((v as unknown[]).length, field === 'faults' ? 'fault' : 'data edit');
    return `${field} ${count(from)} → ${count(to)}`;
  }
  return `${NAMED[field] ?? field} ${words(from)} → ${words(to)}`;
}

/** "what differs" for a pair: every switch between the two sides (one, for a library pair); null when none. */
export function differsText(a: Scenario, b: Scenario): string | null {
  const changes = scenarioDiff(a, b);
  return changes.length ? changes.map(switchText).join(' · ') : null;
}

/** A fork side's change, said where it is made: "fork at step 12: the inbox off"; null for a side that is no fork. */
export function forkNote(scenario: Scenario, fork: ForkChange | null): string | null {
  return fork ? `fork at step ${scenario.at}: ${forkWords(fork)}` : null;
}

/** "what differs", a fork's change included: the sides' switches, then each fork's change by its letter. */
export function differsWithForks(
  a: { scenario: Scenario; fork: ForkChange | null },
  b: { scenario: Scenario; fork: ForkChange | null },
): string | null {
  const forks = [
    ['A', a],
    ['B', b],
  ] as const;
  const parts = [
    differsText(a.scenario, b.scenario),
    ...forks.map(([letter, s]) => {
      const note = forkNote(s.scenario, s.fork);
      return note && `${letter} is a ${note}`;
    }),
  ].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : null;
}
