// A workshop's plain links (`?workshop=join&run=…&nats=…&services=…`, `?workshop=present&…`), as the workshop
// command prints them: the same scenario a share link would carry, checked as strictly.

import { describe, expect, it } from 'vitest';
import { encodeScenario } from '../core/scenario/link';
import { DEFAULT_SCENARIO } from '../core/scenario/scenario';
import { scenarioFromUrl } from './scenarioOptions';

const at = (search: string, hash = '') => scenarioFromUrl({ search, hash });

describe("a workshop's plain links", () => {
  it('join and present open the run on NATS, this browser running the services named (none for the presenter)', () => {
    const nats = 'run=room-42&nats=ws://192.0.2.7:9222';
    expect(at(`?workshop=join&${nats}&services=payment,shipping`)).toEqual({
      scenario: {
        ...DEFAULT_SCENARIO,
        broker: 'nats',
        natsUrl: 'ws://192.0.2.7:9222',
        run: 'room-42',
        services: ['payment', 'shipping'],
      },
      linkError: null,
    });
    expect(at(`?workshop=present&${nats}&pace=fast`).scenario).toMatchObject({ services: [], pace: 'fast' });
  });

  it('a bad one is refused with the share link’s code and sentence, and the default scenario opens', () => {
    const bad = at('?workshop=join&run=Room&nats=ws://h:1&services=payment');
    expect(bad.scenario.run).toBe('');
    expect(bad.linkError).toMatch(/^MPP026: .*run: expected a workshop run name/);
    expect(at('?workshop=join&run=r1&services=payment').linkError).toMatch(/^MPP027: .*natsUrl: missing/);
  });

  it('?workshop=present turns any share link of a workshop run into its presenter', () => {
    const join = at('?workshop=join&run=r1&nats=ws://h:1&services=order').scenario;
    expect(join.services).toEqual(['order']);
    expect(at('?workshop=present', encodeScenario(join)).scenario).toEqual({ ...join, services: [] });
    expect(at('?x=1', encodeScenario(join)).scenario).toEqual(join);
  });
});
