// Every way an imported scenario file can be refused, as a stable kind (for
// code and tests) and one sentence for the person who picked it. Like the
// link errors, no sentence quotes the file beyond the validator's clipped
// field names and values.

export type ImportErrorKind = 'too-large' | 'not-json' | 'not-a-scenario' | 'wrong-version' | 'schema';

export interface ImportError {
  kind: ImportErrorKind;
  message: string;
  /** One `path: what is wrong` line per problem (schema errors only). */
  problems: string[];
}

export const IMPORT_ERRORS = {
  tooLarge: (bytes: number, maxBytes: number): ImportError => ({
    kind: 'too-large',
    message: `This file is ${kB(bytes)}, more than the ${kB(maxBytes)} a scenario file may be (an exported one is under 10 kB); it was not read.`,
    problems: [],
  }),
  notJson: (): ImportError => ({
    kind: 'not-json',
    message: 'This file is not JSON text. Pick a file saved with “Export scenario”.',
    problems: [],
  }),
  notAScenario: (): ImportError => ({
    kind: 'not-a-scenario',
    message:
      'This JSON is not a scenario: a scenario file is an object with a "version" and the run’s settings.',
    problems: [],
  }),
  wrongVersion: (reads: string): ImportError => ({
    kind: 'wrong-version',
    message: `This scenario names a format version the playground does not read; it reads ${reads}.`,
    problems: [],
  }),
  schema: (problems: string[]): ImportError => ({
    kind: 'schema',
    message: `This scenario has settings the playground cannot use (${problems.length === 1 ? 'one problem' : `${problems.length} problems`}):`,
    problems,
  }),
};

function kB(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} kB`;
}
