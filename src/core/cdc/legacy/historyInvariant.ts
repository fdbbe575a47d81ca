// The invariant of the listings' event store (cdc-history-replays-source): at
// rest, each listing's stream holds each captured change once, in log order,
// and replays to the row the legacy table holds; a stream that replays to
// nothing is a deleted listing, which the table must not hold either. Pure.

import type { Anomaly } from '../../invariantCatalogue';
import type { ListingRow } from '../cdcTypes';
import { replayStream, streamOf, streamsOf, type ListingEventRow } from './listingHistory';

/** How many problems are described one by one; the rest are counted in one more anomaly. */
const MAX_DESCRIBED = 20;

const FIELDS = ['title', 'city', 'price', 'amenities', 'updated_at'] as const;

/** What is wrong with one stream's order: a change appended again, or an older one after a newer. */
function orderProblems(stream: string, events: readonly ListingEventRow[]): string[] {
  const problems: string[] = [];
  const versionOf = new Map<number, number>();
  events.forEach((e, i) => {
    const first = versionOf.get(e.sourceSeq);
    const before = events[i - 1];
    if (first !== undefined)
      problems.push(
        `${stream} holds the change at log sequence ${e.sourceSeq} twice (v${first} and v${e.version})`,
      );
    else if (before && e.sourceSeq < before.sourceSeq)
      problems.push(
        `${stream} has v${e.version} (sequence ${e.sourceSeq}) after v${before.version} (sequence ${before.sourceSeq}): replayed, an older change undoes a newer one`,
      );
    if (first === undefined) versionOf.set(e.sourceSeq, e.version);
  });
  return problems;
}

function replayProblem(
  stream: string,
  replayed: ListingRow | null,
  row: ListingRow | undefined,
): string | null {
  if (!row)
    return replayed ? `${stream} replays to "${replayed.title}", a listing the table no longer holds` : null;
  if (!replayed) return `${stream} replays to a deleted listing, yet the table holds "${row.title}"`;
  const differ = FIELDS.filter((f) => JSON.stringify(replayed[f]) !== JSON.stringify(row[f]));
  if (!differ.length) return null;
  const said = differ.map((f) => `${f} ${JSON.stringify(replayed[f])}, table says ${JSON.stringify(row[f])}`);
  return `${stream} replays to a different row: ${said.join('; ')}`;
}

export function historyMismatches(
  listings: readonly ListingRow[],
  history: readonly ListingEventRow[],
): Anomaly[] {
  const streams = streamsOf(history);
  const rows = new Map(listings.map((l) => [streamOf(l.id), l]));
  const found: string[] = [];
  for (const [stream, events] of streams) {
    found.push(...orderProblems(stream, events));
    const problem = replayProblem(stream, replayStream(events), rows.get(stream));
    if (problem) found.push(problem);
  }
  for (const [stream, row] of rows)
    if (!streams.has(stream))
      found.push(`listing ${row.id} ("${row.title}") has no stream: its changes never reached the store`);
  const anomalies: Anomaly[] = found.slice(0, MAX_DESCRIBED).map((message) => ({
    invariant: 'cdc-history-replays-source',
    message: `Listing history: ${message}.`,
  }));
  if (found.length > MAX_DESCRIBED)
    anomalies.push({
      invariant: 'cdc-history-replays-source',
      message: `Listing history: ${found.length - MAX_DESCRIBED} more problems in its streams.`,
    });
  return anomalies;
}
