import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario } from '../../core/scenario/link';
import { DEFAULT_SCENARIO, type Scenario } from '../../core/scenario/scenario';
import { compareLink } from './compareLink';
import { parseCompare } from './compareUrl';

const base: Scenario = {
  ...DEFAULT_SCENARIO,
  faults: [],
  mode: 'deterministic',
  pace: 'fast',
  seed: 11,
  orders: 3,
};
const dualWrite: Scenario = {
  ...base,
  publishing: 'dual-write',
  faults: [{ kind: 'crash', service: 'order', point: 'after-commit-before-publish', nth: 1 }],
};

describe('compareLink', () => {
  it('carries both scenarios url-encoded, and they decode back', () => {
    const link = compareLink('https://example.org/play/', dualWrite, base);
    const url = new URL(link);
    expect(url.pathname).toBe('/play/');
    expect(url.searchParams.get('compare')).toBe('1');
    expect(url.searchParams.get('a')).toBe(encodeScenario(dualWrite));
    expect(url.searchParams.get('b')).toBe(encodeScenario(base));
    expect(url.hash).toBe('');
    const a = decodeScenario(url.searchParams.get('a')!);
    expect(a.ok && a.scenario).toEqual(dualWrite);
  });

  it("drops the base's own query and hash (a run id, a share link)", () => {
    const link = compareLink(
      `http://127.0.0.1:4173/?pace=fast&run=ab12cd34${encodeScenario(base)}`,
      base,
      base,
    );
    expect(link.startsWith('http://127.0.0.1:4173/?compare=1&a=%23s%2Fv1%2F')).toBe(true);
    expect(link).not.toContain('run=');
    expect(link).not.toContain('#');
  });

  it('works from a relative base', () => {
    expect(compareLink('./', base, base)).toMatch(/^\.\/\?compare=1&a=/);
  });

  it('round-trips through parseCompare', () => {
    const [a, b] = parseCompare(new URL(compareLink('http://x/', dualWrite, base)).search);
    expect(a.ok && a.scenario).toEqual(dualWrite);
    expect(b.ok && b.scenario).toEqual(base);
  });
});
