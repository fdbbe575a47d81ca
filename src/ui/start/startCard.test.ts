import { describe, expect, it } from 'vitest';
import { libraryEntry } from '../../core/scenario/library';
import { landedPlain, rememberLanding } from './landing';
import { START_DOORS } from './StartCard';
import { dismissStartCard, startCardDismissed } from './startCardSeen';

describe('the start card', () => {
  it('opens three doors, each a library guide, into the shop, the saga and the event-sourced stories', () => {
    expect(START_DOORS).toHaveLength(3);
    const topologies = START_DOORS.map((d) => {
      const entry = libraryEntry(d.entry);
      expect(entry?.narrative.length, d.entry).toBeGreaterThan(0);
      return entry!.scenario.topology;
    });
    expect(topologies).toEqual(['shop', 'shop', 'event-sourced']);
  });

  it('shows on a bare address only: not on a shared link, a resumed run, a fork or with options', () => {
    rememberLanding({ hash: '', search: '' });
    expect(landedPlain()).toBe(true);
    for (const opened of [
      { hash: '#s=abc', search: '' },
      { hash: '', search: '?run=r1' },
      { hash: '', search: '?fork=%7B%7D' },
      { hash: '', search: '?pace=fast' },
    ]) {
      rememberLanding(opened);
      expect(landedPlain(), JSON.stringify(opened)).toBe(false);
    }
  });

  it('stays dismissed once dismissed, also where storage refuses to keep it', () => {
    const kept = new Map<string, string>();
    const storage = {
      getItem: (k: string) => kept.get(k) ?? null,
      setItem: (k: string, v: string) => void kept.set(k, v),
    };
    expect(startCardDismissed(storage)).toBe(false);
    const refusing = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => dismissStartCard(refusing)).not.toThrow();
    // Dismissed for this page even though nothing was stored.
    expect(startCardDismissed(storage)).toBe(true);
    expect(kept.size).toBe(0);
  });
});
