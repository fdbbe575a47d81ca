import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario } from '../../core/scenario/link';
import { DEFAULT_SCENARIO, type Scenario } from '../../core/scenario/scenario';
import { compareLink } from './compareLink';
import { frameSrc, parseCompare } from './compareUrl';

const scenario: Scenario = {
  ...DEFAULT_SCENARIO,
  faults: [],
  publishing: 'dual-write',
  mode: 'deterministic',
  seed: 11,
};
const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

describe('parseCompare', () => {
  it('decodes both sides and points each frame at an embed of its own scenario', () => {
    const [a, b] = parseCompare(
      q({ compare: '1', a: encodeScenario(scenario), b: encodeScenario(DEFAULT_SCENARIO) }),
    );
    expect(a).toMatchObject({ key: 'a', ok: true, scenario });
    expect(b).toMatchObject({ key: 'b', ok: true });
    if (!a.ok) throw new Error('side a should be fine');
    expect(a.src).toBe(`./?embed=1${encodeScenario(scenario)}`);
  });

  it('accepts a whole pasted link or a hash without its #', () => {
    const hash = encodeScenario(scenario);
    const [a, b] = parseCompare(q({ a: `https://example.org/${hash}`, b: hash.slice(1) }));
    expect(a.ok && a.scenario).toEqual(scenario);
    expect(b.ok && b.scenario).toEqual(scenario);
  });

  it('names the side that is missing', () => {
    const [a, b] = parseCompare(q({ compare: '1', a: encodeScenario(scenario) }));
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({
      key: 'b',
      ok: false,
      error: expect.stringMatching(/^MPP028: No link given: add b=/),
    });
    const [empty] = parseCompare('?compare=1&a=&b=x');
    expect(empty).toMatchObject({ key: 'a', ok: false });
  });

  it("says why a side's link is bad, with the decoder's own code and message", () => {
    const tampered = '#s/v1/not*base64';
    const [a, b] = parseCompare(q({ a: tampered, b: '#s/v9/abc' }));
    const expected = decodeScenario(tampered);
    expect(expected.ok).toBe(false);
    expect(a).toEqual({
      key: 'a',
      ok: false,
      error: !expected.ok && `${expected.error.code}: ${expected.error.message}`,
    });
    expect(b.ok === false && b.error).toMatch(/version/i);
  });
});

describe('a fork side', () => {
  const off = { kind: 'switch', switch: 'inbox', on: false } as const;
  const forkOf = { ...scenario, publishing: 'outbox' as const, at: 9 };

  it('carries its change to its frame, checked like the fork link it came from', () => {
    const link = compareLink('http://host/app/?run=r1', forkOf, { scenario: forkOf, fork: off });
    const [a, b] = parseCompare(new URL(link).search);
    expect(a).toMatchObject({ ok: true, scenario: forkOf, fork: null });
    expect(b).toMatchObject({ ok: true, scenario: forkOf, fork: off });
    if (!b.ok) throw new Error('side b should be fine');
    expect(b.src).toBe(
      `./?embed=1&fork=${encodeURIComponent('{"switch":"inbox","on":false}')}${encodeScenario(forkOf)}`,
    );
  });

  it('refuses a change its run cannot make, and says which side', () => {
    const hash = encodeScenario(forkOf);
    const [, b] = parseCompare(
      q({ a: hash, b: `?fork=${encodeURIComponent('{"switch":"inbox","on":true}')}${hash}` }),
    );
    expect(b).toEqual({
      key: 'b',
      ok: false,
      error: expect.stringMatching(/the inbox is on in this run already/),
    });
  });
});

describe('frameSrc', () => {
  it('is relative, so a sub-path deployment frames itself', () => {
    expect(frameSrc(DEFAULT_SCENARIO)).toBe(`./?embed=1${encodeScenario(DEFAULT_SCENARIO)}`);
  });
});
