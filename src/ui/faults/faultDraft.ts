// Pure: the Add-fault form's fields and the Fault they make. One draft holds
// every kind's fields, so switching kind and back keeps what was typed. Numbers
// stay text until Add: a value the form refuses is reported, never swapped for
// another one behind the user's back.

import type { CrashPoint } from '../../core/crashPoints';
import type { Fault, FaultKind } from '../../core/faults/faultPlan';
import type { ServiceName } from '../../core/rows';

export type NumberKey = 'nth' | 'ms' | 'publishes' | 'factor' | 'down';

export interface FaultDraft extends Record<NumberKey, string> {
  kind: FaultKind;
  /** The crashing service (crash) or the consumer group (duplicate, delay, slow). */
  service: ServiceName;
  point: CrashPoint;
  type: string;
}

export type DraftField = keyof FaultDraft;

export const FAULT_KINDS: { kind: FaultKind; label: string; help: string }[] = [
  { kind: 'crash', label: 'Crash', help: 'A service dies the nth time it reaches a crash point.' },
  { kind: 'duplicate', label: 'Duplicate', help: 'The broker delivers the next message of a type twice.' },
  { kind: 'delay', label: 'Delay', help: 'The next message of a type waits; other partitions go ahead.' },
  { kind: 'broker-outage', label: 'Broker outage', help: 'The broker refuses the next publishes.' },
  { kind: 'slow', label: 'Slow consumer', help: 'A consumer group handles messages slower than the others.' },
];

/** Each number field's name in messages and the smallest value it accepts. */
export const NUMBERS: Record<NumberKey, { name: string; min: number }> = {
  nth: { name: 'Which time', min: 1 },
  ms: { name: 'Delay', min: 1 },
  publishes: { name: 'Refused publishes', min: 1 },
  factor: { name: 'Slower by', min: 2 },
  down: { name: 'Stays down', min: 0 },
};

/** The number field each kind reads (a duplicate needs none). */
export const NUMBER_OF: Partial<Record<FaultKind, NumberKey>> = {
  crash: 'nth',
  delay: 'ms',
  'broker-outage': 'publishes',
  slow: 'factor',
};

export type DraftResult = { fault: Fault } | { error: string; field: DraftField };

export function initialDraft(service: ServiceName, point: CrashPoint, type: string): FaultDraft {
  return { kind: 'crash', service, point, nth: '1', type, ms: '200', publishes: '3', factor: '3', down: '0' };
}

/**
 * A new service keeps the crash point where it can reach it, and the message
 * type where it was typed by hand (not one of the old group's suggestions).
 */
export function withService(
  draft: FaultDraft,
  service: ServiceName,
  reachable: { points: readonly CrashPoint[]; types: readonly string[]; oldTypes: readonly string[] },
): FaultDraft {
  const point = reachable.points.includes(draft.point) ? draft.point : (reachable.points[0] ?? draft.point);
  const suggested = reachable.oldTypes.includes(draft.type) && !reachable.types.includes(draft.type);
  return { ...draft, service, point, type: suggested ? (reachable.types[0] ?? '') : draft.type };
}

function whole(draft: FaultDraft, key: NumberKey): number | { error: string; field: DraftField } {
  const text = draft[key].trim();
  const n = Number(text);
  const { name, min } = NUMBERS[key];
  if (text === '' || !Number.isInteger(n) || n < min) {
    return { error: `${name}: “${draft[key]}” is not a whole number of at least ${min}.`, field: key };
  }
  return n;
}

export function faultFromDraft(draft: FaultDraft): DraftResult {
  const { service: group, kind } = draft;
  const type = draft.type.trim();
  if ((kind === 'duplicate' || kind === 'delay') && type === '') {
    return { error: 'Message type: name one (e.g. OrderCreated).', field: 'type' };
  }
  const key = NUMBER_OF[kind];
  const n = key ? whole(draft, key) : 0;
  if (typeof n !== 'number') return n;
  switch (kind) {
    case 'crash': {
      // An outage: 0 means the service stays down until someone restarts it.
      const down = whole(draft, 'down');
      if (typeof down !== 'number') return down;
      return {
        fault: {
          kind,
          service: draft.service,
          point: draft.point,
          nth: n,
          ...(down > 0 ? { downMs: down } : {}),
        },
      };
    }
    case 'duplicate':
      return { fault: { kind, group, type } };
    case 'delay':
      return { fault: { kind, group, type, ms: n } };
    case 'broker-outage':
      return { fault: { kind, publishes: n } };
    case 'slow':
      return { fault: { kind, group, factor: n } };
  }
}
