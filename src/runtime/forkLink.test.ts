import { describe, expect, it } from 'vitest';
import { decodeScenario } from '../core/scenario/link';
import { DEFAULT_SCENARIO } from '../core/scenario/scenario';
import { forkFromUrl, forkLink, forkWords, type ForkChange } from './forkLink';
import { RunFork } from './run/runFork';

const scenario = { ...DEFAULT_SCENARIO, mode: 'deterministic' as const, at: 12 };
const crash = {
  kind: 'crash',
  service: 'order',
  point: 'relay-after-publish-before-mark',
  nth: 1,
} as const;
const query = (raw: string) => `?fork=${encodeURIComponent(raw)}`;

describe('a fork link', () => {
  it('carries the scenario at its step and the fault added there', () => {
    const url = new URL(forkLink('http://host/app/?x=1', scenario, { kind: 'fault', fault: crash }));
    expect(decodeScenario(url.hash)).toEqual({ ok: true, scenario });
    expect(forkFromUrl(url.search, scenario)).toEqual({
      change: { kind: 'fault', fault: crash },
      error: null,
    });
    expect(url.searchParams.get('x')).toBe('1');
  });

  it('carries a switch flipped there, and says what it changes', () => {
    const off: ForkChange = { kind: 'switch', switch: 'inbox', on: false };
    const url = new URL(forkLink('http://host/app/', scenario, off));
    expect(url.searchParams.get('fork')).toBe('{"switch":"inbox","on":false}');
    expect(forkFromUrl(url.search, scenario)).toEqual({ change: off, error: null });
    expect(forkWords(off)).toBe('the inbox off');
    expect(forkWords({ kind: 'fault', fault: crash })).toBe(
      'order crashes the 1st time it reaches relay-after-publish-before-mark',
    );
  });

  it('refuses a fault that is not JSON, or not one this topology can have, and says why', () => {
    expect(forkFromUrl('?fork=%7Bnope', scenario)).toEqual({
      change: null,
      error: 'the fork’s change is not JSON',
    });
    const bad = forkFromUrl(query('{"kind":"crash","service":"order","nth":0}'), scenario);
    expect(bad.change).toBeNull();
    expect(bad.error).toMatch(/fork’s added fault: /);
    expect(forkFromUrl('?x=1', scenario)).toEqual({ change: null, error: null });
  });

  it.each([
    ['{"switch":"relay","on":false}', /"relay" is not one of inbox, idempotencyKeys, semanticLocks/],
    ['{"switch":"inbox","on":"no"}', /on must be true or false/],
    ['{"switch":"inbox","on":false,"x":1}', /unknown field x/],
    ['{"switch":"inbox","on":true}', /the inbox is on in this run already/],
    ['{"switch":{"toString":1},"on":false}', /is not one of/],
  ])('refuses the switch %s and says why', (raw, why) => {
    const refused = forkFromUrl(query(raw), scenario);
    expect(refused.change).toBeNull();
    expect(refused.error).toMatch(why);
  });

  it('refuses a switch in a run that has none', () => {
    const es = { ...scenario, topology: 'event-sourced' as const };
    expect(forkFromUrl(query('{"switch":"inbox","on":false}'), es).error).toBe(
      'the fork’s switch: only a shop run has switches to flip (this run’s topology is event-sourced)',
    );
  });
});

describe("a fork's own share link", () => {
  it('leaves out the added fault (once, even when the plan has it twice) and keeps the rest', () => {
    const fork = new RunFork();
    const other = { ...crash, nth: 2 };
    fork.made({ kind: 'fault', fault: crash });
    expect(fork.linkFaults([other, crash, crash])).toEqual([other, crash]);
  });

  it('keeps the flipped switch as the run was opened', () => {
    const fork = new RunFork();
    fork.made({ kind: 'switch', switch: 'idempotencyKeys', on: false });
    const now = { ...scenario, idempotencyKeys: false, inbox: false };
    expect(fork.linkScenario(now, scenario)).toEqual({ ...now, idempotencyKeys: true });
  });
});
