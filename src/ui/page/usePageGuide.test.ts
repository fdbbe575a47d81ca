import { describe, expect, it } from 'vitest';
import { guideEntryFor } from './usePageGuide';

describe('guideEntryFor', () => {
  it('finds an event-sourced story for an event-sourced run, and ignores a shop one or none', () => {
    const es = { topology: 'event-sourced' } as const;
    expect(guideEntryFor({ ...es, guide: 'es-bank' })?.title).toMatch(/event-sourced bank/);
    expect(guideEntryFor({ ...es, guide: 'outbox' })).toBeUndefined();
    expect(guideEntryFor({ ...es, guide: '' })).toBeUndefined();
  });

  it("tells a shop run's story only in a shop run", () => {
    expect(guideEntryFor({ topology: 'shop', guide: 'outbox' })).toBeDefined();
    expect(guideEntryFor({ topology: 'shop', guide: 'es-bank' })).toBeUndefined();
  });
});
