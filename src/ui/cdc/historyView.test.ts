import { describe, expect, it } from 'vitest';
import type { ListingEventRow } from '../../runtime/cdcController';
import { historyView } from './historyView';

const event = (stream: string, version: number, sourceSeq: number): ListingEventRow => ({
  stream,
  version,
  op: 'u',
  sourceSeq,
  row: null,
});

describe('historyView', () => {
  it('is null until the history was first read', () => {
    expect(historyView(null)).toBeNull();
  });

  it('counts streams, events, and the events that repeat a change their stream already held', () => {
    const history = [
      event('listing-a', 1, 3),
      event('listing-a', 2, 5),
      event('listing-a', 3, 5),
      event('listing-b', 1, 5),
    ];
    expect(historyView(history)).toEqual({ streams: 2, events: 4, repeats: 1 });
  });
});
