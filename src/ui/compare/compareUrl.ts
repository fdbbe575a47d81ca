// Reads a comparison's address: each side's share link, decoded and checked
// like any link (a fork's change too), and the embed address its frame opens.
// Pure (takes the query string), so it is unit-tested; a bad side says which and why.

import { decodeScenario, encodeScenario } from '../../core/scenario/link';
import type { Scenario } from '../../core/scenario/scenario';
import { ERROR_CATALOGUE } from '../../core/errorCatalogue';
import { FORK_PARAM, forkFromUrl, forkParamValue, type ForkChange } from '../../runtime/forkLink';
import { flagOn } from '../present/pageMode';

export type SideKey = 'a' | 'b';

export type CompareSide =
  | { key: SideKey; ok: true; scenario: Scenario; fork: ForkChange | null; src: string }
  | { key: SideKey; ok: false; error: string };

/** The fork's parameter as a side or a frame address carries it. */
export function forkQuery(fork: ForkChange | null): string {
  return fork ? `&${FORK_PARAM}=${encodeURIComponent(forkParamValue(fork))}` : '';
}

/** Where a side's frame points: the canvas alone, its own run (a fork's change made at its step), relative so a sub-path deployment works. */
/** `present`: the frame draws the presenter's compact canvas (projector type), for a compare page on a projector. */
export function frameSrc(scenario: Scenario, fork: ForkChange | null = null, present = false): string {
  return `./?embed=1${present ? '&present=1' : ''}${forkQuery(fork)}${encodeScenario(scenario)}`;
}

/** A side's query, when its link was pasted whole (a fork link has one): the part before the hash, after a '?'. */
function sideQuery(link: string): string {
  const beforeHash = link.split('#')[0];
  const at = beforeHash.indexOf('?');
  return at < 0 ? '' : beforeHash.slice(at);
}

function side(params: URLSearchParams, key: SideKey, present: boolean): CompareSide {
  const link = params.get(key)?.trim();
  if (!link)
    return {
      key,
      ok: false,
      error: `${ERROR_CATALOGUE.COMPARE_NO_LINK.code}: No link given: add ${key}=<a url-encoded #s/v1/… link> to the address.`,
    };
  const decoded = decodeScenario(link);
  if (!decoded.ok) return { key, ok: false, error: `${decoded.error.code}: ${decoded.error.message}` };
  const fork = forkFromUrl(sideQuery(link), decoded.scenario);
  if (fork.error) return { key, ok: false, error: `${ERROR_CATALOGUE.BAD_LINK.code}: ${fork.error}` };
  // Re-encoded from the checked scenario and change: the frame opens exactly what was validated here.
  const { scenario } = decoded;
  return { key, ok: true, scenario, fork: fork.change, src: frameSrc(scenario, fork.change, present) };
}

export function parseCompare(search: string): [CompareSide, CompareSide] {
  const params = new URLSearchParams(search);
  const present = flagOn(params, 'present');
  return [side(params, 'a', present), side(params, 'b', present)];
}
