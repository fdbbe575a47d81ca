// What the CDC conductor reads of its workers to know whether the run is at
// rest (`owed`) and what the invariant checker looks at (`cdcSnapshot`). Each
// read is an RPC to the worker that owns the database.

import type { CdcSystemSnapshot } from '../../core/cdc/legacy/cdcInvariants';
import type { ConnectorState, ListingRow, SearchDocRow, SearchStats } from '../../core/cdc/cdcTypes';
import type { ChangeRow } from '../../core/cdc/changeEvent';
import type { ListingEventRow } from '../../core/cdc/legacy/listingHistory';
import type { ProcessStatus } from '../controller';
import type { CdcNode } from '../cdcController';

export const CDC_NODES: readonly CdcNode[] = ['broker', 'listings', 'connector', 'query'];

export type CdcCall = <T>(process: CdcNode, method: string, ...args: unknown[]) => Promise<T>;

/** How many changes above the connector's position the checker reads: past this many, the anomaly list is long enough. */
const UNPUBLISHED_READ_LIMIT = 1000;

/**
 * What is still owed: a description of the first thing found, or null at rest — every process up, no write
 * running, the connector at the head of the log with nothing in flight, the broker's records all
 * acknowledged and durable, and the query service idle.
 */
export async function cdcOwed(
  status: (p: CdcNode) => ProcessStatus,
  call: CdcCall,
  writesRunning: number,
): Promise<string | null> {
  for (const p of CDC_NODES) if (status(p) !== 'running') return `${p} is ${status(p)}`;
  if (writesRunning) return `${writesRunning} listing writes running`;
  const { sources } = await call<ConnectorState>('connector', 'state');
  for (const s of sources) {
    if (s.position.snapshotInFlight !== undefined)
      return `connector: the snapshot of ${s.service} is unfinished`;
    if (s.lag > 0) return `connector: ${s.lag} changes of ${s.service} not yet published`;
    if ((s.position.inFlight ?? 0) > s.position.seq) return `connector: a batch of ${s.service} is in flight`;
  }
  const broker = await call<{ lag: number; pendingWrites: number }>('broker', 'status');
  if (broker.lag) return `broker: ${broker.lag} change events not yet acknowledged by query`;
  if (broker.pendingWrites) return `broker: ${broker.pendingWrites} writes not yet durable`;
  const { busy } = await call<SearchStats>('query', 'stats');
  if (busy) return `query: ${busy} deliveries being applied`;
  return null;
}

/** The listings table, the log above the connector's stored position, the search documents and the history. */
export async function cdcSnapshot(call: CdcCall): Promise<CdcSystemSnapshot> {
  const state = await call<ConnectorState>('connector', 'state');
  const position = state.sources[0]?.position.seq ?? 0;
  const [listings, changesAbovePosition, docs, history] = await Promise.all([
    call<ListingRow[]>('listings', 'listings'),
    call<ChangeRow[]>('listings', 'changes', position, UNPUBLISHED_READ_LIMIT),
    call<SearchDocRow[]>('query', 'docs'),
    call<ListingEventRow[]>('query', 'history'),
  ]);
  return { listings, changesAbovePosition, position, docs, history };
}
