// What the event-sourced page runs on when its run could not start: an
// EsController that reports why, so the page shows the error instead of going blank.

import { DEFAULT_SCENARIO } from '../../core/scenario/scenario';
import type { EsController, EsEvent } from '../esController';

export function unavailableEsController(cause: unknown, code = 'conductor-start-failed'): EsController {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const error: EsEvent = { kind: 'error', code, message: reason };
  const refuse = () => Promise.reject(new Error(`The playground is not running: ${reason}`));
  return {
    topology: 'event-sourced',
    runId: '',
    scenario: () => ({ ...DEFAULT_SCENARIO, topology: 'event-sourced' }),
    subscribe(listener) {
      listener([error]);
      return () => undefined;
    },
    status: () => 'crashed',
    crashNow: () => undefined,
    crashAt: () => undefined,
    restart: refuse,
    orderCommand: refuse,
    accountCommand: refuse,
    transfer: refuse,
    stageRace: refuse,
    growOrder: refuse,
    streams: refuse,
    events: refuse,
    stateAt: refuse,
    loadStats: refuse,
    readModel: refuse,
    projectionLag: refuse,
    rebuildReadModel: refuse,
    readYourWrites: refuse,
    settle: refuse,
    anomalies: () => [],
  };
}
