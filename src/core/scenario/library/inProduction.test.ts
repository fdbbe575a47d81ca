// The seed's four production examples, each named on the one library scenario
// that runs its shape, with one line on what the real system does differently.
import { describe, expect, it } from 'vitest';
import { LIBRARY } from './index';

const named = LIBRARY.filter((e) => e.inProduction);

describe('production examples in the library', () => {
  it('name each of the seed’s four systems on exactly one scenario', () => {
    const on = (company: string) =>
      named.filter((e) => e.inProduction!.system.includes(company)).map((e) => e.id);
    expect(on('Uber')).toEqual(['orchestration-compensation']);
    expect(on('Netflix')).toEqual(['es-snapshots']);
    expect(on('Airbnb')).toEqual(['cdc-legacy-search']);
    expect(on('Shopify')).toEqual(['relay-log-tailing']);
    expect(named).toHaveLength(4);
  });

  it('say in one line each what the real system does differently', () => {
    for (const { id, inProduction } of named) {
      const { system, differs } = inProduction!;
      expect(system.trim(), id).not.toBe('');
      expect(differs.trim(), id).not.toBe('');
      expect(`${system}${differs}`, id).not.toMatch(/\n/);
      expect(differs.length, id).toBeLessThanOrEqual(240);
    }
  });

  it('sit on scenarios whose shape is theirs: an orchestrated saga, event stores, CDC, a log-tailing outbox relay', () => {
    const scenario = (id: string) => LIBRARY.find((e) => e.id === id)!.scenario;
    expect(scenario('orchestration-compensation').sagaStyle).toBe('orchestration');
    expect(scenario('es-snapshots').topology).toBe('event-sourced');
    expect(scenario('cdc-legacy-search').topology).toBe('cdc');
    expect(scenario('relay-log-tailing')).toMatchObject({
      topology: 'shop',
      publishing: 'outbox',
      relay: 'log-tailing',
    });
  });
});
