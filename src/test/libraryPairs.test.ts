// Every compare pair of the library is one scenario with one switch flipped: the
// two entries' links, decoded, differ in exactly one field (the guide, which
// names the story, aside). A related story that is not such a pair is `seeAlso`.
import { describe, expect, it } from 'vitest';
import { LIBRARY, libraryEntry } from '../core/scenario/library';
import { decodeScenario, encodeScenario } from '../core/scenario/link';
import type { Scenario } from '../core/scenario/scenario';
import { scenarioDiff } from '../core/scenario/scenarioDiff';

function decoded(s: Scenario): Scenario {
  const result = decodeScenario(encodeScenario(s));
  if (!result.ok) throw new Error(result.error.message);
  return result.scenario;
}

describe('library compare pairs', () => {
  const pairs = LIBRARY.filter((e) => e.partner);

  it('has pairs, each pointing at an entry', () => {
    expect(pairs.length).toBeGreaterThan(5);
    for (const entry of pairs) expect(libraryEntry(entry.partner!), entry.id).toBeDefined();
    for (const entry of LIBRARY.filter((e) => e.seeAlso))
      expect(libraryEntry(entry.seeAlso!), entry.id).toBeDefined();
  });

  for (const entry of pairs)
    it(`${entry.id} ↔ ${entry.partner}: exactly one field differs`, () => {
      const partner = libraryEntry(entry.partner!)!;
      const changes = scenarioDiff(decoded(entry.scenario), decoded(partner.scenario));
      expect(
        changes.map((c) => c.field),
        JSON.stringify(changes),
      ).toHaveLength(1);
    });
});

describe('scenarioDiff', () => {
  const base = LIBRARY[0].scenario;
  it('ignores key order and the guide', () => {
    const faults = base.faults.map((f) =>
      Object.fromEntries(Object.entries(f).reverse()),
    ) as Scenario['faults'];
    expect(scenarioDiff(base, { ...base, faults, guide: 'other' })).toEqual([]);
  });
  it('names the field and both values', () => {
    expect(scenarioDiff(base, { ...base, inbox: false })).toEqual([
      { field: 'inbox', from: true, to: false },
    ]);
  });
});
