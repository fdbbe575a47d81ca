// The legacy listings' data, pure: the rows a fresh service starts with, the
// random writes a workload makes (drawn from a seeded PRNG, so a seed names a
// workload), and the search document a listing becomes. No storage here.

import { pick, type Random } from '../../random';
import type { ListingRow, ListingWrite, SearchDocRow } from '../cdcTypes';

const CITIES = ['Lisbon', 'Porto', 'Kyoto', 'Oaxaca', 'Tromso', 'Cape Town', 'Hanoi', 'Valparaiso'];
const KINDS = ['loft', 'cabin', 'studio', 'villa', 'houseboat', 'treehouse', 'flat', 'cottage'];
const ADJECTIVES = ['sunny', 'quiet', 'cosy', 'airy', 'rustic', 'modern', 'hidden', 'breezy'];
const AMENITIES = [
  'wifi',
  'kitchen',
  'balcony',
  'pool',
  'sauna',
  'garden',
  'fireplace',
  'parking',
  'workspace',
];

/** The listings a fresh service starts with: already there when the connector first looks, so they reach it as snapshot reads. */
export const SEED_LISTINGS: readonly Omit<ListingRow, 'updated_at'>[] = [
  {
    id: 'L-001',
    title: 'Sunny loft by the river',
    city: 'Lisbon',
    price: 120,
    amenities: ['wifi', 'balcony'],
  },
  {
    id: 'L-002',
    title: 'Quiet cabin in the pines',
    city: 'Tromso',
    price: 95,
    amenities: ['sauna', 'fireplace'],
  },
  {
    id: 'L-003',
    title: 'Modern studio near the market',
    city: 'Porto',
    price: 70,
    amenities: ['wifi', 'kitchen'],
  },
  {
    id: 'L-004',
    title: 'Garden villa with pool',
    city: 'Oaxaca',
    price: 240,
    amenities: ['pool', 'garden', 'parking'],
  },
  { id: 'L-005', title: 'Machiya townhouse', city: 'Kyoto', price: 180, amenities: ['kitchen', 'garden'] },
  {
    id: 'L-006',
    title: 'Houseboat on the old canal',
    city: 'Hanoi',
    price: 85,
    amenities: ['wifi', 'balcony'],
  },
  {
    id: 'L-007',
    title: 'Hillside flat with a view',
    city: 'Valparaiso',
    price: 60,
    amenities: ['workspace', 'wifi'],
  },
  {
    id: 'L-008',
    title: 'Breezy cottage near the beach',
    city: 'Cape Town',
    price: 130,
    amenities: ['garden', 'parking'],
  },
];

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function someOf<T>(random: Random, items: readonly T[], count: number): T[] {
  const left = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && left.length)
    chosen.push(left.splice(Math.floor(random() * left.length), 1)[0]);
  return chosen;
}

export function randomListing(random: Random): Omit<ListingRow, 'id' | 'updated_at'> {
  const kind = pick(random, KINDS);
  return {
    title: `${capitalise(pick(random, ADJECTIVES))} ${kind} ${pick(random, ['in the centre', 'by the water', 'with a view', 'off the square'])}`,
    city: pick(random, CITIES),
    price: int(random, 40, 400),
    amenities: someOf(random, AMENITIES, int(random, 1, 3)),
  };
}

/** A random id from the PRNG: a seed mints the same ids on every host. */
export function randomListingId(random: Random): string {
  return `L-${Math.floor(random() * 0x1000000)
    .toString(16)
    .padStart(6, '0')}`;
}

/**
 * One random write over the listings that exist now: mostly creates and updates, some deletes
 * (never of the last listing, so a workload keeps something to change).
 */
export function randomWrite(random: Random, existing: readonly string[]): ListingWrite {
  const roll = random();
  if (!existing.length || roll < 0.4)
    return { op: 'create', listing: { id: randomListingId(random), ...randomListing(random) } };
  const id = pick(random, existing);
  if (roll < 0.85 || existing.length < 2) {
    const fresh = randomListing(random);
    const field = pick(random, ['price', 'title', 'city', 'amenities'] as const);
    return { op: 'update', id, changes: { [field]: fresh[field] } };
  }
  return { op: 'delete', id };
}

/** The words a search matches: lower-case words of the title, the city and the amenities. */
export function searchWords(listing: Pick<ListingRow, 'title' | 'city' | 'amenities'>): string[] {
  const text = [listing.title, listing.city, ...listing.amenities].join(' ').toLowerCase();
  return [...new Set(text.split(/[^a-z0-9]+/).filter(Boolean))].sort();
}

/** The search document a listing becomes, as of change `sourceSeq`. */
export function toSearchDoc(listing: ListingRow, sourceSeq: number): SearchDocRow {
  const { id, title, city, price } = listing;
  return { id, title, city, price, words: searchWords(listing), sourceSeq };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
