import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../../core/scenario/library';
import { groupBySection, modeText } from './librarySections';

describe('groupBySection', () => {
  it('keeps sections in first-seen order and entries in library order', () => {
    const groups = groupBySection([
      { id: 'a', section: 'One' },
      { id: 'b', section: 'Two' },
      { id: 'c', section: 'One' },
    ]);
    expect(groups).toEqual([
      {
        section: 'One',
        entries: [
          { id: 'a', section: 'One' },
          { id: 'c', section: 'One' },
        ],
      },
      { section: 'Two', entries: [{ id: 'b', section: 'Two' }] },
    ]);
  });

  it('lists every library entry exactly once', () => {
    const ids = groupBySection(LIBRARY).flatMap((g) => g.entries.map((e) => e.id));
    expect(ids.sort()).toEqual(LIBRARY.map((e) => e.id).sort());
  });
});

describe('modeText', () => {
  it('names the run mode', () => {
    expect(modeText(LIBRARY.find((e) => e.id === 'outbox')!)).toBe('opens in deterministic mode');
    expect(modeText(LIBRARY.find((e) => e.id === 'two-phase-commit')!)).toBe('opens in live mode');
    expect(modeText(LIBRARY.find((e) => e.id === 'es-bank')!)).toBe('opens an event-sourced run');
    expect(modeText(LIBRARY.find((e) => e.id === 'cdc-legacy-search')!)).toBe(
      'opens a change-data-capture run',
    );
  });
});
