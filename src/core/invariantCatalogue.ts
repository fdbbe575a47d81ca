// The invariant catalogue: every promise the playground checks, of every
// topology, by name and in words, and the shape of a broken one. The
// checkers (the shop's invariants.ts, esInvariants.ts, the CDC ones) each test
// their part of it; the anomalies panel, the library and the scripting API
// read the words from here. Data only.

export interface Anomaly {
  invariant: InvariantName;
  message: string;
  /** A deterministic run's step at which the invariant first broke, where known. */
  step?: number;
}

export const INVARIANTS = {
  'no-double-charge': 'An order is charged at most once.',
  'no-duplicate-side-effect':
    'An order holds at most one active stock reservation and one scheduled shipment.',
  'no-event-lost': 'After the system settles, every committed outbox row has been published.',
  'no-order-stuck': 'After the system settles, no order is left PENDING.',
  'saga-terminal': 'After the system settles, every saga has ended: completed or compensated.',
  'money-conserved':
    "Every customer's credit plus what they were charged (and not refunded) equals what they started with, plus hand edits.",
  'stock-conserved':
    'Per SKU, available plus reserved equals the starting stock plus hand edits, and reserved equals the active reservations.',
  'no-2pc-blocked':
    'After the system settles (coordinator up), no two-phase-commit participant still holds a lock or a prepared transaction.',
  'saga-fully-compensated':
    'A cancelled order keeps nothing of its saga: no charge, no reservation, no shipment, no skipped compensation.',
  'completed-order-whole':
    'A completed order has its charge, its stock reservation and its scheduled shipment, and nothing of it refunded (more than one of each is no-double-charge or no-duplicate-side-effect).',
  'saga-agrees-with-order':
    "An ended saga agrees with its order: a COMPLETED saga's order is COMPLETED, a COMPENSATED saga's order CANCELLED, and a closed order's saga has ended the same way.",
  'replay-matches-live':
    'Event sourcing: every stream loaded from its snapshot plus the events after it equals a full replay of its events.',
  'read-model-converged':
    'Event sourcing: after the system settles, each read model equals the state folded from the events (balances, order totals and statuses).',
  'bank-money-conserved':
    'Event-sourced bank: balances plus transfers in flight equal the money deposited from outside minus what was withdrawn.',
  'no-change-unpublished':
    "Change data capture: after the system settles, every committed change in a captured log is published (the connector's or log-tailing relay's stored position has reached it).",
  'cdc-read-model-matches-source':
    'Change data capture: after the system settles, a read model fed only by change events equals the source table it mirrors.',
  'cdc-history-replays-source':
    'Change data capture + event sourcing: after the system settles, each row’s event stream holds every captured change of it once, in log order, and replays to the row the source table holds.',
} as const;

export type InvariantName = keyof typeof INVARIANTS;

/** What of a shop run's setup changes how a promise reads. */
export interface PromiseContext {
  publishing?: 'outbox' | 'dual-write';
  relay?: 'polling' | 'log-tailing';
}

/**
 * An invariant's promise in the words of the run it is checked on: a dual-write run has no outbox row to speak
 * of, and a log-tailing relay never marks one published. Unknown runs get the catalogue's text.
 */
export function invariantPromise(name: InvariantName, run: PromiseContext = {}): string {
  if (name !== 'no-event-lost') return INVARIANTS[name];
  if (run.publishing === 'dual-write')
    return 'After the system settles, every saved order has reached the broker as an event (dual write keeps no outbox: the broker’s log is the only witness).';
  if (run.relay === 'log-tailing')
    return 'After the system settles, every committed outbox row is behind the relay’s stored log position: published.';
  return INVARIANTS[name];
}
