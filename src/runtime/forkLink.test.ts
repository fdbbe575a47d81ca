import { describe, expect, it } from 'vitest';
import { decodeScenario } from '../core/scenario/link';
import { DEFAULT_SCENARIO } from '../core/scenario/scenario';
import { forkFromUrl, forkLink } from './forkLink';

describe('a fork link', () => {
  const scenario = { ...DEFAULT_SCENARIO, mode: 'deterministic' as const, at: 12 };
  const crash = {
    kind: 'crash',
    service: 'order',
    point: 'relay-after-publish-before-mark',
    nth: 1,
  } as const;

  it('carries the scenario at its step and the fault added there', () => {
    const url = new URL(forkLink('http://host/app/?x=1', scenario, crash));
    expect(decodeScenario(url.hash)).toEqual({ ok: true, scenario });
    expect(forkFromUrl(url.search, 'shop')).toEqual({ fault: crash, error: null });
    expect(url.searchParams.get('x')).toBe('1');
  });

  it('refuses a fault that is not JSON, or not one this topology can have, and says why', () => {
    expect(forkFromUrl('?fork=%7Bnope', 'shop')).toEqual({
      fault: null,
      error: 'the fork’s added fault is not JSON',
    });
    const bad = forkFromUrl(
      `?fork=${encodeURIComponent('{"kind":"crash","service":"order","nth":0}')}`,
      'shop',
    );
    expect(bad.fault).toBeNull();
    expect(bad.error).toMatch(/fork’s added fault: /);
    expect(forkFromUrl('?x=1', 'shop')).toEqual({ fault: null, error: null });
  });
});
