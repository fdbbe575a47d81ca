// Every error a user can see, each with a stable code: a run that cannot start, a process that failed, a share
// link or a scenario file that was refused. Pure data; the sentences with a run's particulars (a version, a
// length, the problems found) are built beside their checks (linkErrors.ts, importErrors.ts) from these entries.
// A code, once shipped, keeps its meaning: people search for it, and tests and bug reports quote it.

export interface CatalogueEntry {
  code: `MPP${number}`;
  /** What went wrong, in one sentence. */
  title: string;
  /** What the reader can do about it, when there is something. */
  hint?: string;
}

export const ERROR_CATALOGUE = {
  // A run that cannot start, or a call it refused.
  IDB_UNAVAILABLE: {
    code: 'MPP001',
    title: 'IndexedDB is not available in this browser (private mode, or storage disabled).',
    hint: 'The playground keeps every service’s data in IndexedDB, so it cannot run here.',
  },
  IDB_BLOCKED: {
    code: 'MPP002',
    title: 'IndexedDB is blocked: another tab holds the database open at an older version.',
    hint: 'Close other playground tabs and reload.',
  },
  WORKERS_UNAVAILABLE: {
    code: 'MPP003',
    title: 'This browser cannot start module Web Workers, which run the services.',
  },
  PROCESS_FAILED: { code: 'MPP004', title: 'A process failed to start.' },
  PROCESS_DOWN: { code: 'MPP005', title: 'That service is down:', hint: 'restart it first.' },
  SETTLE_TIMEOUT: { code: 'MPP006', title: 'The system did not settle in time.' },
  NOT_DETERMINISTIC: {
    code: 'MPP007',
    title: 'This run is live: steps are granted one by one only in a deterministic run',
    hint: '(open the scenario with mode "deterministic").',
  },
  RUN_DID_NOT_END: { code: 'MPP008', title: 'The deterministic run did not reach its end.' },
  BAD_LINK: {
    code: 'MPP009',
    title: 'This share link could not be opened, so the playground opened its default scenario instead.',
  },
  CONDUCTOR_START_FAILED: {
    code: 'MPP010',
    title: 'The playground could not be loaded, so nothing is running.',
  },
  /** A button, field or script call of the page whose controller call was refused or failed. */
  ACTION_FAILED: { code: 'MPP011', title: 'An action you asked for did not complete.' },
  /** A page polls its run's databases for what its panels show; a read failed while every process was up. */
  POLL_FAILED: { code: 'MPP012', title: "Could not read the run's state:" },
  /** A run on broker nats whose NATS server did not answer (or answered without JetStream). */
  BROKER_UNREACHABLE: {
    code: 'MPP013',
    title: 'The NATS server this run is on could not be reached, so nothing was started and nothing is lost.',
    hint: 'Start nats-server with JetStream and a websocket listener, check the link’s natsUrl, and reload.',
  },
  /** A workshop join link naming a service another browser of the run already runs. */
  SERVICE_OWNED: {
    code: 'MPP014',
    title:
      'This browser runs nothing: a service its link asks for is already run by another browser of the workshop.',
    hint: 'Open the join link of another service, or close the tab that runs it and reload.',
  },
  /** A workshop link whose run another tab of this browser has open. */
  WORKSHOP_TAB_OPEN: {
    code: 'MPP015',
    title: 'Another tab of this browser has this workshop run open, so this one runs nothing.',
    hint: 'Use that tab, or close it and reload this one.',
  },

  // Share links (linkErrors.ts).
  LINK_NOT_A_LINK: {
    code: 'MPP020',
    title: 'This address holds no playground scenario.',
    hint: 'A scenario link ends in #s/v1/ followed by its settings.',
  },
  LINK_WRONG_VERSION: {
    code: 'MPP021',
    title: 'This link names a scenario format this playground does not read.',
  },
  LINK_OVERSIZED: { code: 'MPP022', title: 'This link’s scenario is far larger than any scenario needs.' },
  LINK_BAD_BASE64: {
    code: 'MPP023',
    title: 'This link’s scenario is damaged: it has characters a share link never contains.',
    hint: 'Copy the whole link again.',
  },
  LINK_BAD_COMPRESSION: {
    code: 'MPP024',
    title: 'This link’s scenario is damaged: its packed settings do not unpack.',
    hint: 'Copy the whole link again.',
  },
  LINK_BAD_JSON: { code: 'MPP025', title: 'This link’s scenario unpacks, but not into readable settings.' },
  LINK_SCHEMA: { code: 'MPP026', title: 'This link’s scenario has settings the playground cannot use.' },
  LINK_UNFIT: { code: 'MPP027', title: 'This link asks a run for something its topology cannot do.' },
  COMPARE_NO_LINK: {
    code: 'MPP028',
    title: 'A side of the comparison page has no link to open.',
    hint: 'Add a=… and b=…, each a url-encoded #s/v1/… link.',
  },

  // Scenario files (importErrors.ts).
  IMPORT_TOO_LARGE: { code: 'MPP040', title: 'This file is larger than a scenario file may be.' },
  IMPORT_NOT_JSON: {
    code: 'MPP041',
    title: 'This file is not JSON text.',
    hint: 'Pick a file saved with “Export scenario”.',
  },
  IMPORT_NOT_A_SCENARIO: { code: 'MPP042', title: 'This JSON is not a scenario.' },
  IMPORT_WRONG_VERSION: {
    code: 'MPP043',
    title: 'This scenario names a format version the playground does not read.',
  },
  IMPORT_SCHEMA: { code: 'MPP044', title: 'This scenario has settings the playground cannot use.' },
  IMPORT_UNFIT: { code: 'MPP045', title: 'This scenario asks a run for something its topology cannot do.' },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorName = keyof typeof ERROR_CATALOGUE;

/** The entry's title and hint as one sentence (or two). */
export function catalogueText(name: ErrorName): string {
  const entry: CatalogueEntry = ERROR_CATALOGUE[name];
  return entry.hint ? `${entry.title} ${entry.hint}` : entry.title;
}
