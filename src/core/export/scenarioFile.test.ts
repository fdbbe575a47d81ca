import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from '../scenario/scenario';
import { decodeScenario, scenarioLink } from '../scenario/link';
import { diagramFileName, scenarioFileName, traceFileName } from './fileNames';
import { MAX_SCENARIO_FILE_BYTES, readScenarioFile, scenarioJson } from './scenarioFile';

const SCENARIO: Scenario = {
  ...DEFAULT_SCENARIO,
  mode: 'deterministic',
  seed: 7,
  orders: 3,
  faults: [{ kind: 'crash', service: 'payment', point: 'before-commit', nth: 1 }],
};

describe('scenario files', () => {
  it('reads back what it writes, and opens as the same link', () => {
    const read = readScenarioFile(scenarioJson(SCENARIO));
    expect(read).toEqual({ ok: true, scenario: SCENARIO });
    const link = scenarioLink('https://example.test/?pace=fast', read.ok ? read.scenario : DEFAULT_SCENARIO);
    expect(decodeScenario(link)).toEqual({ ok: true, scenario: SCENARIO });
  });

  it('refuses a file over 64 kB before parsing it', () => {
    const read = readScenarioFile(`{"version":1,"pad":"${'x'.repeat(MAX_SCENARIO_FILE_BYTES)}"}`);
    expect(read.ok || read.error.kind).toBe('too-large');
  });

  it('refuses text that is not JSON without quoting it', () => {
    const read = readScenarioFile('<img src=x onerror=alert(1)>');
    expect(read.ok || read.error.kind).toBe('not-json');
    expect(read.ok || read.error.message).not.toContain('img');
  });

  it.each([['[1,2]'], ['"text"'], ['null'], ['{"seed":1}']])('refuses %s as not a scenario', (text) => {
    const read = readScenarioFile(text);
    expect(read.ok || read.error.kind).toBe('not-a-scenario');
  });

  it('refuses a version it has no decoder for', () => {
    const read = readScenarioFile('{"version":99}');
    expect(read.ok || read.error.kind).toBe('wrong-version');
  });

  it('names every bad setting, as the link validator does', () => {
    const read = readScenarioFile(
      JSON.stringify({ ...SCENARIO, seed: -1, mode: 'chaotic', extra: '<script>' }),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe('schema');
    expect(read.error.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^seed: /),
        expect.stringMatching(/^mode: /),
        'extra: unknown setting',
      ]),
    );
  });
});

describe('export file names', () => {
  it('names the run, keeping only file-safe characters', () => {
    expect(traceFileName('3fa2c9d1')).toBe('run-3fa2c9d1-trace.jsonl');
    expect(diagramFileName('../../a b')).toBe('run-ab.mmd');
    expect(diagramFileName('')).toBe('run-unnamed.mmd');
  });

  it('names a scenario by its settings', () => {
    expect(scenarioFileName(SCENARIO)).toMatch(/^scenario-[0-9a-f]{8}\.json$/);
    expect(scenarioFileName({ ...SCENARIO })).toBe(scenarioFileName(SCENARIO));
    expect(scenarioFileName({ ...SCENARIO, seed: 8 })).not.toBe(scenarioFileName(SCENARIO));
  });
});
