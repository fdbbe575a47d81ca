// Every way an imported scenario file can be refused, as a stable kind (for
// code and tests), its catalogue code, and one sentence for the person who
// picked it. Like the link errors, no sentence quotes the file beyond the
// validator's clipped field names and values.

import { ERROR_CATALOGUE, type ErrorName } from '../errorCatalogue';
import type { Topology } from '../scenario/scenario';
import { TOPOLOGY_FACTS } from '../scenario/topologyFacts';

export type ImportErrorKind =
  | 'too-large'
  | 'not-json'
  | 'not-a-scenario'
  | 'wrong-version'
  | 'schema'
  /** Every setting is valid, but the run's topology cannot honour them all. */
  | 'unfit';

export interface ImportError {
  kind: ImportErrorKind;
  /** The error catalogue's code, shown beside the message. */
  code: string;
  message: string;
  /** One `path: what is wrong` line per problem (schema and unfit errors only). */
  problems: string[];
}

const CATALOGUE_NAME: Record<ImportErrorKind, ErrorName> = {
  'too-large': 'IMPORT_TOO_LARGE',
  'not-json': 'IMPORT_NOT_JSON',
  'not-a-scenario': 'IMPORT_NOT_A_SCENARIO',
  'wrong-version': 'IMPORT_WRONG_VERSION',
  schema: 'IMPORT_SCHEMA',
  unfit: 'IMPORT_UNFIT',
};

function importError(kind: ImportErrorKind, message: string, problems: string[] = []): ImportError {
  return { kind, code: ERROR_CATALOGUE[CATALOGUE_NAME[kind]].code, message, problems };
}

export const IMPORT_ERRORS = {
  tooLarge: (bytes: number, maxBytes: number): ImportError =>
    importError(
      'too-large',
      `This file is ${kB(bytes)}, more than the ${kB(maxBytes)} a scenario file may be (an exported one is under 10 kB); it was not read.`,
    ),
  notJson: (): ImportError =>
    importError('not-json', 'This file is not JSON text. Pick a file saved with “Export scenario”.'),
  notAScenario: (): ImportError =>
    importError(
      'not-a-scenario',
      'This JSON is not a scenario: a scenario file is an object with a "version" and the run’s settings.',
    ),
  wrongVersion: (reads: string): ImportError =>
    importError(
      'wrong-version',
      `This scenario names a format version the playground does not read; it reads ${reads}.`,
    ),
  schema: (problems: string[]): ImportError =>
    importError(
      'schema',
      `This scenario has settings the playground cannot use (${count(problems)}):`,
      problems,
    ),
  unfit: (topology: Topology, problems: string[]): ImportError =>
    importError(
      'unfit',
      `This scenario asks ${TOPOLOGY_FACTS[topology].runName} for something it cannot do (${count(problems)}):`,
      problems,
    ),
};

function count(problems: string[]): string {
  return problems.length === 1 ? 'one problem' : `${problems.length} problems`;
}

function kB(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} kB`;
}
