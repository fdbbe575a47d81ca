// The address of a comparison: two scenarios side by side, each as its own
// share-link hash, url-encoded into the query (`?compare=1&a=…&b=…`). The
// scenario library links here; compareUrl.ts reads it back.

import { encodeScenario } from '../../core/scenario/link';
import type { Scenario } from '../../core/scenario/scenario';

/** `base` is any URL of the playground; its query (a run id, flags) and hash are dropped. */
export function compareLink(base: string, a: Scenario, b: Scenario): string {
  const page = base.split('#')[0].split('?')[0];
  const side = (s: Scenario) => encodeURIComponent(encodeScenario(s));
  return `${page}?compare=1&a=${side(a)}&b=${side(b)}`;
}
