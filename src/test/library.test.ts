// Every library scenario: its link round-trips, its story has three to six
// steps, its partner exists, its steps only do what its kind of run can, and
// (deterministic shop ones) run to the end in Node it shows exactly the
// anomalies it promises. Event-sourced ones are live: e2e/es-guide.spec.ts walks them;
// CDC ones too: e2e/cdc-ui.spec.ts walks them.
import { describe, expect, it } from 'vitest';
import { LIBRARY, libraryEntry, wrongTopologyText } from '../core/scenario/library';
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

  it('asks each run only for actions its topology has', () => {
    for (const entry of LIBRARY)
      for (const step of entry.narrative)
        if (step.do) expect(wrongTopologyText(step.do, entry.scenario.topology), entry.id).toBeNull();
  });

  it('lists the event-sourced scenarios after the saga ones, together', () => {
    const topologies = LIBRARY.map((e) => e.scenario.topology);
    const firstEs = topologies.indexOf('event-sourced');
    expect(firstEs).toBeGreaterThan(LIBRARY.findIndex((e) => e.id === 'combining-patterns'));
    expect(topologies.lastIndexOf('event-sourced') - firstEs + 1).toBe(
      topologies.filter((t) => t === 'event-sourced').length,
    );
  });

  it('lists the change-data-capture scenarios together', () => {
    const topologies = LIBRARY.map((e) => e.scenario.topology);
    const first = topologies.indexOf('cdc');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(topologies.lastIndexOf('cdc') - first + 1).toBe(topologies.filter((t) => t === 'cdc').length);
  });

  for (const entry of LIBRARY) {
    it(`${entry.id}: its link decodes to the same scenario`, () => {
      const decoded = decodeScenario(encodeScenario(entry.scenario));
      expect(decoded).toEqual({ ok: true, scenario: entry.scenario });
    });
    if (entry.scenario.topology === 'shop' && entry.scenario.mode === 'deterministic')
      it(`${entry.id}: run to the end shows ${entry.expect.join(', ') || 'no anomaly'}`, async () => {
        const { anomalies } = await runDeterministic(entry.scenario);
        expect([...new Set(anomalies.map((a) => a.invariant))].sort()).toEqual([...entry.expect].sort());
      });
  }
});
