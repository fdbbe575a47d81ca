// What the app runs on when the real system could not start: a Controller that
// reports why, so the page shows the error banner instead of going blank.

import type { ConductorEvent, Controller } from '../runtime/controller';
import { errorText } from './store/connect';
import { PACES } from '../core/service/pace';
import { DEFAULT_SCENARIO } from '../core/scenario/scenario';
import { ERROR_CATALOGUE } from '../core/errorCatalogue';

export function unavailableController(
  cause: unknown,
  code: string = ERROR_CATALOGUE.CONDUCTOR_START_FAILED.code,
): Controller {
  const error: ConductorEvent = { kind: 'error', code, message: errorText(cause) };
  const refuse = () => Promise.reject(new Error(`The playground is not running: ${errorText(cause)}`));
  return {
    placeOrder: refuse,
    placeOrders: refuse,
    play: () => {},
    pause: () => {},
    crashAt: () => {},
    crashNow: () => {},
    restart: refuse,
    // Nothing was started, so nothing is up.
    status: () => 'crashed',
    config: PACES.teaching,
    processNames: [],
    ordering: 'messaging',
    configure: refuse,
    setSpeed: () => {},
    sagaAction: refuse,
    editRow: refuse,
    mode: 'live',
    runId: '',
    snapshot: refuse,
    brokerLog: refuse,
    scenario: () => ({ ...DEFAULT_SCENARIO, faults: [] }),
    faultPlan: [],
    setFaultPlan: refuse,
    step: refuse,
    runToEnd: refuse,
    settle: refuse,
    subscribe(listener) {
      listener([error]);
      return () => {};
    },
  };
}
