// The address of a comparison: two scenarios side by side, each as its own
// share-link hash, url-encoded into the query (`?compare=1&a=…&b=…`); a side
// that is a fork carries its change as its own link does, `?fork=…` before the
// hash. The scenario library and Fork from here link here; compareUrl.ts reads it back.

import { encodeScenario } from '../../core/scenario/link';
import type { Scenario } from '../../core/scenario/scenario';
import type { ForkChange } from '../../runtime/forkLink';
import { forkQuery } from './compareUrl';

export interface CompareEntry {
  scenario: Scenario;
  fork?: ForkChange | null;
}

/** `base` is any URL of the playground; its query (a run id, flags) and hash are dropped. */
export function compareLink(base: string, a: Scenario | CompareEntry, b: Scenario | CompareEntry): string {
  const page = base.split('#')[0].split('?')[0];
  const side = (s: Scenario | CompareEntry) => {
    const { scenario, fork = null } = 'scenario' in s ? s : { scenario: s };
    const query = fork ? `?${forkQuery(fork).slice(1)}` : '';
    return encodeURIComponent(`${query}${encodeScenario(scenario)}`);
  };
  return `${page}?compare=1&a=${side(a)}&b=${side(b)}`;
}
