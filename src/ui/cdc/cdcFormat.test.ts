import { describe, expect, it } from 'vitest';
import { changedFields, diffText, valueText } from './cdcFormat';

const loft = {
  id: 'L-1',
  title: 'Sunny loft',
  city: 'Lisbon',
  price: 120,
  amenities: ['wifi'],
  updated_at: 1,
};

describe('diffText', () => {
  it('shows a create or a snapshot read as the new row', () => {
    expect(diffText('c', null, loft)).toBe('+ “Sunny loft” · Lisbon · $120');
    expect(diffText('r', null, loft)).toBe('+ “Sunny loft” · Lisbon · $120');
  });

  it('shows a delete as the row that went', () => {
    expect(diffText('d', loft, null)).toBe('− “Sunny loft” · Lisbon · $120');
  });

  it('shows an update as each changed field, before → after, without the timestamp every write touches', () => {
    expect(diffText('u', loft, { ...loft, price: 135, updated_at: 2 })).toBe('price $120 → $135');
    expect(diffText('u', loft, { ...loft, city: 'Porto', amenities: ['wifi', 'pool'], updated_at: 2 })).toBe(
      'city Lisbon → Porto; amenities wifi → wifi, pool',
    );
  });

  it('says so when an update changed nothing a reader would see', () => {
    expect(diffText('u', loft, { ...loft, updated_at: 9 })).toBe('no visible change');
  });
});

describe('valueText and changedFields', () => {
  it('writes prices in dollars, lists with commas, text with spaces quoted, nothing as a dash', () => {
    expect(valueText('price', 70)).toBe('$70');
    expect(valueText('amenities', [])).toBe('(none)');
    expect(valueText('city', 'Cape Town')).toBe('“Cape Town”');
    expect(valueText('title', null)).toBe('—');
  });

  it('finds fields added, removed and changed', () => {
    expect(changedFields({ a: 1, b: 2 }, { a: 1, c: 3 })).toEqual(['b', 'c']);
  });
});
