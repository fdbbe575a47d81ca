// Names of the files a run exports. Pure. A run id comes from the page's
// address, so it is cut down to characters every file system accepts.

import { canonicalJson, fingerprint } from '../hash';
import type { Scenario } from '../scenario/scenario';

export function traceFileName(runId: string): string {
  return `run-${fileSafe(runId)}-trace.jsonl`;
}

export function diagramFileName(runId: string): string {
  return `run-${fileSafe(runId)}.mmd`;
}

/** Named by a short hash of its settings: the same scenario saved twice gets the same name. */
export function scenarioFileName(scenario: Scenario): string {
  return `scenario-${fingerprint(canonicalJson(scenario)).slice(0, 8)}.json`;
}

function fileSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'unnamed';
}
