// The page address of a fresh run with another saga style or approach. Pure:
// takes the current address, so it is tested without a browser. Defaults stay
// out of the URL, and the `run` parameter goes: a link with it resumes that
// run's databases, and a run cannot change how its services are wired.

import type { SagaStyle } from '../../core/service/definition';
import type { ApproachChoice } from '../approach';

export const DEFAULT_STYLE: SagaStyle = 'choreography';

function freshRun(href: string): URL {
  const url = new URL(href);
  url.searchParams.delete('run');
  return url;
}

export function urlWithStyle(href: string, style: SagaStyle): string {
  const url = freshRun(href);
  if (style === DEFAULT_STYLE) url.searchParams.delete('style');
  else url.searchParams.set('style', style);
  return url.toString();
}

const SETTINGS: Record<ApproachChoice, { publishing?: string; ordering?: string }> = {
  outbox: {},
  'dual-write': { publishing: 'dual-write' },
  'direct-calls': { ordering: 'direct-calls' },
  'two-phase-commit': { ordering: 'two-phase-commit' },
};

/**
 * The approaches without a saga also drop `style`: an orchestrator would only
 * sit idle on the canvas, as nothing in such a run sends it a message.
 */
export function urlWithApproach(href: string, choice: ApproachChoice): string {
  const url = freshRun(href);
  const settings = SETTINGS[choice];
  for (const key of ['publishing', 'ordering'] as const) {
    const value = settings[key];
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  if (settings.ordering) url.searchParams.delete('style');
  return url.toString();
}
