// Reads a comparison's address: each side's share link, decoded and checked
// like any link, and the embed address its frame opens. Pure (takes the query
// string), so it is unit-tested; a bad side says which and why.

import { decodeScenario, encodeScenario } from '../../core/scenario/link';
import type { Scenario } from '../../core/scenario/scenario';
import { ERROR_CATALOGUE } from '../../core/errorCatalogue';

export type SideKey = 'a' | 'b';

export type CompareSide =
  { key: SideKey; ok: true; scenario: Scenario; src: string } | { key: SideKey; ok: false; error: string };

/** Where a side's frame points: the canvas alone, its own run, relative so a sub-path deployment works. */
export function frameSrc(scenario: Scenario): string {
  return `./?embed=1${encodeScenario(scenario)}`;
}

function side(params: URLSearchParams, key: SideKey): CompareSide {
  const link = params.get(key)?.trim();
  if (!link)
    return {
      key,
      ok: false,
      error: `${ERROR_CATALOGUE.COMPARE_NO_LINK.code}: No link given: add ${key}=<a url-encoded #s/v1/… link> to the address.`,
    };
  const decoded = decodeScenario(link);
  if (!decoded.ok) return { key, ok: false, error: `${decoded.error.code}: ${decoded.error.message}` };
  // Re-encoded from the checked scenario: the frame opens exactly what was validated here.
  return { key, ok: true, scenario: decoded.scenario, src: frameSrc(decoded.scenario) };
}

export function parseCompare(search: string): [CompareSide, CompareSide] {
  const params = new URLSearchParams(search);
  return [side(params, 'a'), side(params, 'b')];
}
