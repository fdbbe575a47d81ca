// How a page's worker reports a failure its host recovers from by retrying
// (a publish, a batch): an error on the telemetry channel the page shows,
// while the process keeps running.

import { ERRORS } from '../runtime/errors';

type ErrorReport = { kind: 'error'; code: string; message: string };

/** `what` says what failed and how it is retried; the error's own message follows in brackets. */
export function retriedFailure(report: (fact: ErrorReport) => void, what: string): (error: unknown) => void {
  return (error) =>
    report({
      kind: 'error',
      code: ERRORS.PROCESS_FAILED.code,
      message: `${what} (${String((error as Error)?.message ?? error)})`,
    });
}
