// What the event-sourced page runs on when its run could not start: an
// EsController that reports why, so the page shows the error instead of going blank.

import type { EsController } from '../esController';
import { unavailableRun } from '../page/unavailableRun';

export function unavailableEsController(cause: unknown, code = 'conductor-start-failed'): EsController {
  const { basics, refuse } = unavailableRun('event-sourced', cause, code);
  return {
    ...basics,
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
  };
}
