// Where a demonstration's link goes and how it reads: an entry opens its guide,
// a pair opens the compare page, a variant opens the changed scenario with no
// guide; and the checker's verdict the demo promises, in words. Pure (takes
// the page's base address), so a sub-path deployment keeps working.

import { demoEntries, variantScenario, type Demo } from '../../core/scenario/library/demos';
import type { InvariantName } from '../../core/invariantCatalogue';
import { compareLink } from '../compare/compareLink';
import { entryHref } from '../library/libraryLinks';

export interface DemoLink {
  href: string;
  label: string;
  promise: string;
}

function verdictText(anomalies: readonly InvariantName[]): string {
  return anomalies.length ? `the checker flags ${anomalies.join(', ')}` : 'no anomaly';
}

/** Where the playground lives: the interview page's base is the playground's. */
export function interviewHref(base: string, section = ''): string {
  return `${base}?interview=1${section ? `#${section}` : ''}`;
}

export function demoLink(base: string, demo: Demo): DemoLink {
  const [first, second] = demoEntries(demo);
  if (demo.kind === 'compare')
    return {
      href: compareLink(base, first.scenario, second.scenario),
      label: `Compare “${first.title}” with “${second.title}”`,
      promise: `Left: ${verdictText(demo.promises[0])}; right: ${verdictText(demo.promises[1])}.`,
    };
  if (demo.kind === 'variant')
    return {
      href: entryHref(base, { scenario: variantScenario(demo) }),
      label: `Run “${first.title}” with ${demo.what}`,
      promise: `Run it to the end: ${verdictText(demo.promises)}.`,
    };
  return {
    href: entryHref(base, first),
    label: `Walk “${first.title}”`,
    promise: `At its end: ${verdictText(demo.promises)}.`,
  };
}
