import { describe, expect, it } from 'vitest';
import { libraryEntry } from '../../core/scenario/library';
import { decodeScenario } from '../../core/scenario/link';
import { DEFAULT_SCENARIO } from '../../core/scenario/scenario';
import { canCompare, checkpointHref, entryHref, pageBase } from './libraryLinks';

describe('library links', () => {
  it('build on the page without its query, so a fresh run starts', () => {
    expect(pageBase({ origin: 'http://127.0.0.1:4173', pathname: '/play/' })).toBe(
      'http://127.0.0.1:4173/play/',
    );
  });

  it('carry the entry’s scenario, which names the entry as its guide', () => {
    const entry = libraryEntry('outbox')!;
    const href = entryHref('http://x/play/', entry);
    expect(href.startsWith('http://x/play/#s/v1/')).toBe(true);
    const decoded = decodeScenario(href);
    expect(decoded.ok && decoded.scenario).toEqual(entry.scenario);
    expect(decoded.ok && decoded.scenario.guide).toBe('outbox');
  });
});

describe('checkpointHref', () => {
  it('opens the guide at a question: its checkpoint counted from 1, nothing else changed', () => {
    const entry = libraryEntry('no-inbox')!;
    const decoded = decodeScenario(checkpointHref('http://x/play/', entry, 0));
    expect(decoded).toEqual({ ok: true, scenario: { ...entry.scenario, checkpoint: 1 } });
  });
});

describe('canCompare', () => {
  it('pairs two shop runs only: the compare page has no event-sourced side', () => {
    const shop = { scenario: { ...DEFAULT_SCENARIO } };
    const es = { scenario: { ...DEFAULT_SCENARIO, topology: 'event-sourced' as const } };
    expect(canCompare(shop, shop)).toBe(true);
    expect(canCompare(es, es)).toBe(false);
    expect(canCompare(shop, es)).toBe(false);
    const cdc = { scenario: { ...DEFAULT_SCENARIO, topology: 'cdc' as const } };
    expect(canCompare(cdc, cdc)).toBe(false);
  });
});
