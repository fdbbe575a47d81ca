// Every library scenario: its link round-trips, its story has three to six
// steps, its partner exists, and (deterministic ones) run to the end in Node it
// shows exactly the anomalies it promises.
import { describe, expect, it } from 'vitest';
import { LIBRARY, libraryEntry } from '../core/scenario/library';
import { decodeScenario, encodeScenario } from '../core/scenario/link';
import { runDeterministic } from './deterministicRun';

describe('scenario library', () => {
  it('has unique ids, 3–6 narrative steps each, and partners that exist', () => {
    expect(new Set(LIBRARY.map((e) => e.id)).size).toBe(LIBRARY.length);
    for (const entry of LIBRARY) {
      expect(entry.narrative.length, entry.id).toBeGreaterThanOrEqual(3);
      expect(entry.narrative.length, entry.id).toBeLessThanOrEqual(6);
      if (entry.partner) expect(libraryEntry(entry.partner), `${entry.id} → ${entry.partner}`).toBeDefined();
    }
  });

  for (const entry of LIBRARY) {
    it(`${entry.id}: its link decodes to the same scenario`, () => {
      const decoded = decodeScenario(encodeScenario(entry.scenario));
      expect(decoded).toEqual({ ok: true, scenario: entry.scenario });
    });
    if (entry.scenario.mode === 'deterministic')
      it(`${entry.id}: run to the end shows ${entry.expect.join(', ') || 'no anomaly'}`, async () => {
        const { anomalies } = await runDeterministic(entry.scenario);
        expect([...new Set(anomalies.map((a) => a.invariant))].sort()).toEqual([...entry.expect].sort());
      });
  }
});
