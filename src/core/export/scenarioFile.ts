// A scenario as a file: what "Export scenario" writes and "Import scenario"
// reads back. Reading validates exactly as a share link does (the link's
// decoder for the file's version), so a file opens if and only if its link
// would. Pure: text in, text or a verdict out.

import { DECODERS } from '../scenario/link';
import type { Scenario } from '../scenario/scenario';
import { ScenarioError } from '../scenario/validate';
import { IMPORT_ERRORS, type ImportError } from './importErrors';

/** The same bound as a link's unpacked JSON: a real scenario is a few hundred bytes. */
export const MAX_SCENARIO_FILE_BYTES = 64 * 1024;

export type ScenarioFileResult = { ok: true; scenario: Scenario } | { ok: false; error: ImportError };

export function scenarioJson(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

export function readScenarioFile(text: string): ScenarioFileResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_SCENARIO_FILE_BYTES) return fail(IMPORT_ERRORS.tooLarge(bytes, MAX_SCENARIO_FILE_BYTES));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message quotes the file: ours does not.
    return fail(IMPORT_ERRORS.notJson());
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !('version' in json)) {
    return fail(IMPORT_ERRORS.notAScenario());
  }
  const version = json.version;
  const decode =
    typeof version === 'number' && Object.prototype.hasOwnProperty.call(DECODERS, version)
      ? DECODERS[version]
      : undefined;
  if (!decode)
    return fail(
      IMPORT_ERRORS.wrongVersion(
        Object.keys(DECODERS)
          .map((v) => `v${v}`)
          .join(', '),
      ),
    );
  try {
    return { ok: true, scenario: decode(json) };
  } catch (error) {
    if (error instanceof ScenarioError)
      return fail(
        error.unfit ? IMPORT_ERRORS.unfit(error.unfit, error.problems) : IMPORT_ERRORS.schema(error.problems),
      );
    throw error;
  }
}

function fail(error: ImportError): ScenarioFileResult {
  return { ok: false, error };
}
