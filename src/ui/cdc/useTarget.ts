// The listing the toolbar's Edit price and Delete act on, and the listings
// table highlights: the one chosen in the table while it still exists, else
// the most recently written.

import { useMemo } from 'react';
import type { ListingRow } from '../../runtime/cdcController';
import { useCdc, useCdcView } from './CdcContext';

/** `rows` newest first. */
export function targetListing(
  selected: string | null,
  rows: readonly Pick<ListingRow, 'id'>[],
): string | null {
  if (selected && rows.some((r) => r.id === selected)) return selected;
  return rows[0]?.id ?? null;
}

export function useTargetListing(): ListingRow | null {
  const selected = useCdcView((s) => s.selected);
  const rows = useCdc((s) => s.listings);
  const newest = useMemo(() => [...(rows ?? [])].sort((a, b) => b.updated_at - a.updated_at), [rows]);
  const id = targetListing(selected, newest);
  return newest.find((r) => r.id === id) ?? null;
}
