// What a page's address asks for: a share link's scenario (`#s/v1/…`), or the
// older query parameters (`?pace=&style=&publishing=&ordering=&relay=`), turned into
// the scenario a run starts from. A bad link is reported, never run: the page opens
// on the default scenario and says what was wrong.

import { isPace } from '../core/service/pace';
import { DEFAULT_SCENARIO, ORDERINGS, RELAY_MODES, type Scenario } from '../core/scenario/scenario';
import { decodeScenario } from '../core/scenario/link';
import { packText } from '../core/scenario/packing';

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
    return fromDecoded(decoded);
  }
  const params = new URLSearchParams(location.search);
  const workshop = params.get('workshop');
  if (workshop === 'present' || workshop === 'join') return workshopFromQuery(params, workshop);
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

/**
 * A workshop's plain links, as `npm run workshop` prints them (short enough to type or read off a projector):
 * `?workshop=join&run=room-42&nats=ws://host:port&services=payment` and `?workshop=present&run=…&nats=…`.
 * Checked as strictly as a share link, so a typo gets the same sentence a share link would.
 */
function workshopFromQuery(params: URLSearchParams, workshop: 'present' | 'join'): ScenarioFromUrl {
  const pace = params.get('pace');
  const settings = {
    ...DEFAULT_SCENARIO,
    pace: isPace(pace) ? pace : DEFAULT_SCENARIO.pace,
    broker: 'nats',
    natsUrl: params.get('nats') ?? '',
    run: params.get('run') ?? '',
    services: workshop === 'present' ? [] : (params.get('services') ?? '').split(',').filter(Boolean),
  };
  return fromDecoded(decodeScenario(`#s/v1/${packText(JSON.stringify(settings))}`));
}

/** A link that does not decode is reported, never run: the page opens on the default scenario. */
function fromDecoded(decoded: ReturnType<typeof decodeScenario>): ScenarioFromUrl {
  if (decoded.ok) return { scenario: decoded.scenario, linkError: null };
  return {
    scenario: { ...DEFAULT_SCENARIO, faults: [] },
    linkError: `${decoded.error.code}: ${decoded.error.message}`,
  };
}
