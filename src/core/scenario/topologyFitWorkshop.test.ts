// The link fields of a workshop's split run: `services` (which services this browser runs; [] for the presenter)
// and `run` (the workshop run every join link lands in), each checked alone and against the rest of the link.

import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario } from './link';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { asks, linkOf, refusal } from './topologyFitCases';

const nats = { broker: 'nats', natsUrl: 'ws://127.0.0.1:8080' } as const;

function schemaError(settings: object): [string, string] | true {
  const decoded = decodeScenario(linkOf(settings));
  return decoded.ok || [decoded.error.code, decoded.error.message];
}

describe('a workshop link (services and run)', () => {
  it('opens a join link and a presenter link, and round-trips both', () => {
    for (const services of [['payment'], [], ['order', 'shipping']] as Scenario['services'][]) {
      const scenario: Scenario = { ...DEFAULT_SCENARIO, ...nats, services, run: 'room-42' };
      const decoded = decodeScenario(encodeScenario(scenario));
      expect(decoded.ok && decoded.scenario).toEqual(scenario);
    }
    expect(refusal({ ...nats, services: ['orchestrator'], run: 'r1', sagaStyle: 'orchestration' })).toBe(
      'opened',
    );
  });

  it('refuses a malformed run name or services list with MPP026 and its reason', () => {
    for (const run of ['Room', 'room 42', '-room', 'room-', 'a/b', 'r'.repeat(33)])
      expect(schemaError({ ...nats, services: [], run }), run).toEqual([
        'MPP026',
        expect.stringMatching(
          /^This link's scenario has settings the playground cannot use: run: expected a/,
        ),
      ]);
    expect(schemaError({ ...nats, services: ['billing'], run: 'r1' })).toEqual([
      'MPP026',
      expect.stringContaining(
        'services[0]: expected one of order, payment, inventory, shipping, orchestrator',
      ),
    ]);
    expect(schemaError({ ...nats, services: ['payment', 'payment'], run: 'r1' })).toEqual([
      'MPP026',
      expect.stringContaining('services: expected each service once'),
    ]);
    expect(schemaError({ ...nats, services: 'payment', run: 'r1' })).toEqual([
      'MPP026',
      expect.stringContaining('services: expected a list of the services this browser runs'),
    ]);
  });

  it('needs broker nats and live mode, on the shop, each field with the other', () => {
    expect(refusal({ services: ['payment'], run: 'r1' })).toBe(
      asks(
        'shop',
        "run: a workshop run is split across browsers through a NATS server, so it needs broker nats and natsUrl (this run's broker is local)",
      ),
    );
    expect(refusal({ ...nats, mode: 'deterministic', services: [], run: 'r1' })).toBe(
      asks(
        'shop',
        'run: a workshop run is live (its services run in other browsers, on their own time); a deterministic run stays in one browser',
      ),
    );
    expect(refusal({ ...nats, services: ['payment'] })).toBe(
      asks(
        'shop',
        'run: missing: a link with services names the workshop run it joins (room-42), so every join link lands in the same run',
      ),
    );
    expect(refusal({ ...nats, run: 'r1' })).toBe(
      asks(
        'shop',
        "services: missing: a workshop link says which services this browser runs (services: ['payment']; [] for the presenter)",
      ),
    );
    expect(refusal({ ...nats, services: ['orchestrator'], run: 'r1' })).toBe(
      asks(
        'shop',
        "services: orchestrator runs only when sagaStyle is orchestration, and this scenario's is choreography",
      ),
    );
    expect(refusal({ topology: 'cdc', services: [], run: 'r1' })).toBe(
      asks(
        'cdc',
        "run: only a shop run's services can be split across browsers, and this is a change-data-capture run",
      ),
    );
  });
});
