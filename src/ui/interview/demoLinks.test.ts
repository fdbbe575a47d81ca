import { describe, expect, it } from 'vitest';
import { libraryEntry, type LibraryEntry } from '../../core/scenario/library';
import { demoEntries } from '../../core/scenario/library/demos';
import { INTERVIEW, questionDemos } from '../../core/scenario/library/interview';
import { decodeScenario } from '../../core/scenario/link';
import { parseCompare } from '../compare/compareUrl';
import { canCompare, entryHref } from '../library/libraryLinks';
import { demoLink, interviewHref } from './demoLinks';

const BASE = 'https://example.org/talks/messaging/';
const DEMOS = INTERVIEW.flatMap(questionDemos);

describe('demoLink', () => {
  it('opens an entry on its guide, from the page’s own base (a sub-path too)', () => {
    const entry = libraryEntry('outbox') as LibraryEntry;
    const link = demoLink(BASE, { kind: 'entry', entry: 'outbox', promises: [] });
    expect(link.href).toBe(entryHref(BASE, entry));
    expect(link.href.startsWith(BASE + '#')).toBe(true);
    expect(link.promise).toBe('At its end: no anomaly.');
  });

  it('opens a pair on the compare page, each side decoding to its entry’s scenario', () => {
    for (const demo of DEMOS.filter((d) => d.kind === 'compare')) {
      const [a, b] = demoEntries(demo);
      expect(canCompare(a, b), `${a.id} + ${b.id}`).toBe(true);
      const href = demoLink(BASE, demo).href;
      expect(href.startsWith(`${BASE}?compare=1&`)).toBe(true);
      const sides = parseCompare(new URL(href).search);
      expect(sides.map((s) => (s.ok ? s.scenario : s.error))).toEqual([a.scenario, b.scenario]);
    }
  });

  it('opens a variant with its data added and no guide', () => {
    for (const demo of DEMOS.filter((d) => d.kind === 'variant')) {
      const decoded = decodeScenario(demoLink(BASE, demo).href);
      expect(decoded.ok && decoded.scenario.guide).toBe('');
      expect(decoded.ok && decoded.scenario.data).toEqual(expect.arrayContaining(demo.data));
    }
  });

  it('names what the checker should say, per side of a pair', () => {
    const link = demoLink(BASE, {
      kind: 'compare',
      a: 'saga-timeout-unknown',
      b: 'saga-no-semantic-lock',
      promises: [[], ['saga-fully-compensated']],
    });
    expect(link.promise).toBe('Left: no anomaly; right: the checker flags saga-fully-compensated.');
  });
});

describe('interviewHref', () => {
  it('keeps the base and adds the flag (and an anchor)', () => {
    expect(interviewHref(BASE)).toBe(`${BASE}?interview=1`);
    expect(interviewHref(BASE, 'chooser')).toBe(`${BASE}?interview=1#chooser`);
  });
});
