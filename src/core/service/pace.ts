// Service settings presets. "teaching" slows the flow down so people can see
// rows wait in an outbox and messages wait in the broker; "fast" is what tests,
// benchmarks and load runs use.

import type { ServiceConfig } from './definition';
import type { PaceName, RelayMode } from '../vocabulary';

export type { PaceName } from '../vocabulary';

export const PACES: Record<PaceName, ServiceConfig> = {
  teaching: {
    relay: { intervalMs: 700, batchSize: 5, wakeOnCommit: false, mode: 'polling' },
    consumer: { delayMs: 350, batchSize: 1 },
    inbox: true,
    idempotencyKeys: true,
    semanticLocks: true,
    sagaStyle: 'choreography',
    publishing: 'outbox',
    // Generous: a workshop scrolls back through what happened.
    retention: { publishedOutboxMs: 30 * 60_000, brokerLogMs: 60 * 60_000 },
  },
  fast: {
    // Woken on every commit, the relay's interval is only its retry after a refused publish and a safety net:
    // polling every 50 ms cost each idle service 20 reads a second.
    relay: { intervalMs: 250, batchSize: 200, wakeOnCommit: true, mode: 'polling' },
    consumer: { delayMs: 0, batchSize: 50 },
    inbox: true,
    idempotencyKeys: true,
    semanticLocks: true,
    sagaStyle: 'choreography',
    publishing: 'outbox',
    // Tighter: load runs stay small on disk; long enough for a saga's chain to be read after it ends.
    retention: { publishedOutboxMs: 60_000, brokerLogMs: 10 * 60_000 },
  },
};

export function isPace(value: string | null | undefined): value is PaceName {
  return value === 'teaching' || value === 'fast';
}

/** A run's service settings: its pace's preset with the run's switches applied. Browser and Node build them alike. */
export function serviceConfig(choice: {
  pace?: PaceName;
  sagaStyle?: ServiceConfig['sagaStyle'];
  publishing?: ServiceConfig['publishing'];
  inbox?: boolean;
  idempotencyKeys?: boolean;
  semanticLocks?: boolean;
  relay?: RelayMode;
}): ServiceConfig {
  const preset = structuredClone(PACES[choice.pace ?? 'teaching']);
  return {
    ...preset,
    relay: { ...preset.relay, mode: choice.relay ?? preset.relay.mode },
    sagaStyle: choice.sagaStyle ?? preset.sagaStyle,
    publishing: choice.publishing ?? preset.publishing,
    inbox: choice.inbox ?? preset.inbox,
    idempotencyKeys: choice.idempotencyKeys ?? preset.idempotencyKeys,
    semanticLocks: choice.semanticLocks ?? preset.semanticLocks,
  };
}
