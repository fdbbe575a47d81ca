// Every error the UI shows, with a stable code, in one place.

export const ERRORS = {
  IDB_UNAVAILABLE: {
    code: 'MPP001',
    text: 'IndexedDB is not available in this browser (private mode, or storage disabled). The playground keeps every service’s data in IndexedDB, so it cannot run here.',
  },
  IDB_BLOCKED: {
    code: 'MPP002',
    text: 'IndexedDB is blocked: another tab holds the database open at an older version. Close other playground tabs and reload.',
  },
  WORKERS_UNAVAILABLE: {
    code: 'MPP003',
    text: 'This browser cannot start module Web Workers, which run the services.',
  },
  PROCESS_FAILED: { code: 'MPP004', text: 'A process failed to start.' },
  PROCESS_DOWN: { code: 'MPP005', text: 'That service is down: restart it first.' },
  SETTLE_TIMEOUT: { code: 'MPP006', text: 'The system did not settle in time.' },
  NOT_DETERMINISTIC: {
    code: 'MPP007',
    text: 'This run is live: steps are granted one by one only in a deterministic run (open the scenario with mode "deterministic").',
  },
  BAD_LINK: {
    code: 'MPP009',
    text: 'This share link could not be opened, so the playground opened its default scenario instead.',
  },
  RUN_DID_NOT_END: { code: 'MPP008', text: 'The deterministic run did not reach its end.' },
} as const;

export type ErrorName = keyof typeof ERRORS;

export class PlaygroundError extends Error {
  constructor(
    readonly name: ErrorName,
    detail?: string,
  ) {
    super(`${ERRORS[name].code}: ${ERRORS[name].text}${detail ? ` (${detail})` : ''}`);
  }
}
