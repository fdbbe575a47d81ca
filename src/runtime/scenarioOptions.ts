// What a page's address asks for: a share link's scenario (`#s/v1/…`), or the
// older query parameters (`?pace=&style=&publishing=&ordering=&relay=`), turned into
// the scenario a run starts from. A bad link is reported, never run: the page opens
// on the default scenario and says what was wrong.

import { isPace } from '../core/service/pace';
import { DEFAULT_SCENARIO, ORDERINGS, RELAY_MODES, type Scenario } from '../core/scenario/scenario';
import { decodeScenario } from '../core/scenario/link';

export interface ScenarioFromUrl {
  scenario: Scenario;
  /** Why the link could not be used, in words for the user after its catalogue code; null when it was fine (or absent). */
  linkError: string | null;
}

export function scenarioFromUrl(location: Pick<Location, 'search' | 'hash'>): ScenarioFromUrl {
  if (location.hash.startsWith('#s/')) {
    const decoded = decodeScenario(location.hash);
    // `?workshop=present` opens any link of a workshop run as its presenter: this browser runs none of its services.
    const presenter = new URLSearchParams(location.search).get('workshop') === 'present';
    if (decoded.ok && presenter && decoded.scenario.run)
      return { scenario: { ...decoded.scenario, services: [] }, linkError: null };
    if (decoded.ok) return { scenario: decoded.scenario, linkError: null };
    return {
      scenario: { ...DEFAULT_SCENARIO, faults: [] },
      linkError: `${decoded.error.code}: ${decoded.error.message}`,
    };
  }
  const params = new URLSearchParams(location.search);
  const pace = params.get('pace');
  return {
    scenario: {
      ...DEFAULT_SCENARIO,
      faults: [],
      pace: isPace(pace) ? pace : DEFAULT_SCENARIO.pace,
      sagaStyle: params.get('style') === 'orchestration' ? 'orchestration' : 'choreography',
      publishing: params.get('publishing') === 'dual-write' ? 'dual-write' : 'outbox',
      ordering: ORDERINGS.find((o) => o === params.get('ordering')) ?? 'messaging',
      relay: RELAY_MODES.find((m) => m === params.get('relay')) ?? DEFAULT_SCENARIO.relay,
    },
    linkError: null,
  };
}
