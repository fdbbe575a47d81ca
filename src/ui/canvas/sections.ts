// Pure choice of what a service node shows beneath its business tables, by the
// run's approach: the outbox and inbox of the patterns, the note that dual
// write has no outbox, the note that direct calls send no events, or the
// two-phase-commit log and locks. Nodes keep one size: sections swap, never grow.

import type { ServiceName } from '../../core/rows';
import type { Approach } from '../approach';
import { emptyActivity } from '../store/initialState';
import { table } from '../store/selectors';
import type { PlaygroundData } from '../store/types';
import { chargedForCancelled } from '../store/leftovers';
import {
  coordinatorView,
  COORDINATOR,
  participantView,
  PARTICIPANTS,
  type CoordinatorView,
  type ParticipantView,
} from '../store/twoPhase';

/** A number a note shows large, red once it is above 0. */
export interface NoteStat {
  label: string;
  value: number;
}

export type LowerSection =
  | { kind: 'outbox' }
  /** Dual write: events sent straight from the handler, and those the broker refused (nothing sends them again). */
  | { kind: 'dual-write'; sent: number; lost: number; outboxRows: number }
  | { kind: 'no-events'; title: string; lines: [string, string]; stat?: NoteStat }
  | { kind: 'coordinator'; view: CoordinatorView }
  | { kind: 'participant'; view: ParticipantView };

type Input = Pick<PlaygroundData, 'mirror' | 'processes' | 'activity'>;

const CALLED: Partial<Record<ServiceName, string>> = {
  payment: 'charge',
  inventory: 'reserve',
  shipping: 'schedule',
};

function directCallsNote(state: Input, service: ServiceName): LowerSection {
  const title = 'direct calls: no events';
  if (service === 'order') {
    return {
      kind: 'no-events',
      title,
      lines: [
        'calls payment, inventory, shipping in turn and waits for each',
        'no outbox, no inbox, no compensation',
      ],
    };
  }
  const endpoint = CALLED[service];
  if (!endpoint) return { kind: 'no-events', title, lines: ['nothing to do: no saga in this run', ''] };
  if (service !== 'payment')
    return { kind: 'no-events', title, lines: [`order calls ${endpoint} and waits`, 'no outbox, no inbox'] };
  return {
    kind: 'no-events',
    title,
    lines: [`order calls ${endpoint} and waits`, 'a later failure never refunds it'],
    stat: { label: 'charged, order cancelled', value: chargedForCancelled(state) },
  };
}

function twoPhaseSection(state: Input, service: ServiceName): LowerSection {
  if (service === COORDINATOR) return { kind: 'coordinator', view: coordinatorView(state) };
  if (PARTICIPANTS.includes(service)) return { kind: 'participant', view: participantView(state, service) };
  return {
    kind: 'no-events',
    title: 'not in the transaction',
    lines: ['the two-phase commit spans payment and inventory', 'no events: nothing reaches shipping'],
  };
}

export function lowerSection(state: Input, approach: Approach, service: ServiceName): LowerSection {
  if (approach.ordering === 'direct-calls') return directCallsNote(state, service);
  if (approach.ordering === 'two-phase-commit') return twoPhaseSection(state, service);
  if (approach.publishing === 'dual-write') {
    const activity = state.activity.services[service] ?? emptyActivity();
    const outboxRows = table(state, service, 'outbox').size;
    return { kind: 'dual-write', sent: activity.published, lost: activity.publishLost, outboxRows };
  }
  return { kind: 'outbox' };
}

/** Business rows a table shows; a participant gives some up to its locks, which matter more in that run. */
export function businessSlots(approach: Approach, table: string): number {
  // Payments without an idempotency key say so on a caption line of their own, in place of one row.
  if (table === 'payments' && approach.guards?.idempotencyKeys === false)
    return businessSlots({ ...approach, guards: undefined }, table) - 1;
  if (approach.ordering === 'two-phase-commit') {
    if (table === 'payments') return 4;
    if (table === 'reservations') return 2;
  }
  // A log-tailing relay's change log sits under the outbox: the tables above give up rows for it.
  if (approach.relay === 'log-tailing') return table === 'reservations' ? 1 : 4;
  return table === 'reservations' ? 3 : 6;
}
