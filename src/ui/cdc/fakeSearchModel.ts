// The fake run's search read model: change events applied by sequence — an
// older change never overwrites a newer one, the same change twice is a
// duplicate skipped, a delete leaves a tombstone — and a search over the
// documents. In memory; fakeCdcController.ts feeds it.

import type { ChangeEvent } from '../../core/cdc/changeEvent';
import { searchWords, toSearchDoc } from '../../core/cdc/legacy/listingData';
import type { ListingRow, SearchDocRow } from '../../runtime/cdcController';

export interface ApplyCounts {
  applied: number;
  duplicates: number;
  stale: number;
}

export class FakeSearchModel {
  readonly docs = new Map<string, SearchDocRow>();
  /** Sequence of each deleted listing's delete: an older change arriving late must not bring it back. */
  private readonly tombstones = new Map<string, number>();

  apply(batch: readonly ChangeEvent[]): ApplyCounts {
    const counts: ApplyCounts = { applied: 0, duplicates: 0, stale: 0 };
    for (const e of batch) {
      const row = (e.after ?? e.before) as unknown as ListingRow;
      const seen = Math.max(this.docs.get(row.id)?.sourceSeq ?? 0, this.tombstones.get(row.id) ?? 0);
      const seq = e.source.sequence;
      if (seq < seen) counts.stale++;
      else if (seq === seen && e.op !== 'r') counts.duplicates++;
      else {
        if (e.op === 'd') {
          this.docs.delete(row.id);
          this.tombstones.set(row.id, seq);
        } else this.docs.set(row.id, toSearchDoc(row, seq));
        counts.applied++;
      }
    }
    return counts;
  }

  /** Ids of the documents matching every word of `text`, in `city` when given. */
  search(text: string, city?: string): string[] {
    const words = searchWords({ title: text, city: '', amenities: [] });
    const inCity = (d: SearchDocRow) => !city || d.city.toLowerCase() === city.toLowerCase();
    return [...this.docs.values()]
      .filter((d) => words.every((w) => d.words.includes(w)) && inCity(d))
      .map((d) => d.id);
  }

  /** How many documents differ from the table (by price, or by being there at all). */
  differences(table: ReadonlyMap<string, ListingRow>): number {
    const wrong = [...table.values()].filter((l) => this.docs.get(l.id)?.price !== l.price).length;
    return wrong + [...this.docs.keys()].filter((id) => !table.has(id)).length;
  }
}
