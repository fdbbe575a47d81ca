import { describe, expect, it } from 'vitest';
import { esGuideEntry } from './useEsGuide';

describe('esGuideEntry', () => {
  it('finds an event-sourced story, and ignores a shop one or none', () => {
    expect(esGuideEntry({ guide: 'es-bank' })?.title).toMatch(/event-sourced bank/);
    expect(esGuideEntry({ guide: 'outbox' })).toBeUndefined();
    expect(esGuideEntry({ guide: '' })).toBeUndefined();
  });
});
