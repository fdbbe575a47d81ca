// The invariants of an event-sourced run, over what its processes report:
// each store's audit (every stream loaded live and replayed, the bank's money)
// and the query service's read models. Pure functions, same Anomaly shape as
// the shop's checker (src/core/invariants.ts, where the names are catalogued).

import type { Anomaly } from '../invariantCatalogue';
import type { StoreAudit } from './esAudit';
import type { AccountState } from './bankAggregate';
import type { EsOrderState } from './orderAggregate';

export interface EsSystemSnapshot {
  /** The stores that could be read (a crashed one is left out). */
  stores: StoreAudit[];
  /** The query service's read models, when it could be read. */
  readModels?: { orderSummaries: Record<string, unknown>[]; balances: Record<string, unknown>[] };
}

/** Totals are sums of prices: equal up to rounding, whichever order they were added in. */
const CENT = 1e-6;

/** Structural equality of plain data; object keys in any order. */
export function sameState(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      sameState((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

function replayDiffers(snapshot: EsSystemSnapshot): Anomaly[] {
  return snapshot.stores.flatMap((audit) =>
    audit.streams
      .filter((s) => !sameState(s.live, s.replayed))
      .map((s) => ({
        invariant: 'replay-matches-live' as const,
        message: `${audit.store}: ${s.id} at version ${s.version} loads as ${JSON.stringify(s.live)} from its snapshot, but a full replay gives ${JSON.stringify(s.replayed)}.`,
      })),
  );
}

function moneyLost(snapshot: EsSystemSnapshot): Anomaly[] {
  const money = snapshot.stores.find((a) => a.store === 'bank')?.money;
  if (!money || money.balances + money.inFlight === money.external) return [];
  return [
    {
      invariant: 'bank-money-conserved',
      message: `The bank holds ${money.balances} in balances + ${money.inFlight} in flight = ${money.balances + money.inFlight}, but ${money.external} came in from outside.`,
    },
  ];
}

function balancesDiverge(snapshot: EsSystemSnapshot): Anomaly[] {
  const bank = snapshot.stores.find((a) => a.store === 'bank');
  if (!bank || !snapshot.readModels) return [];
  const rows = new Map(snapshot.readModels.balances.map((r) => [r.id as string, r]));
  const found: Anomaly[] = [];
  for (const stream of bank.streams) {
    const folded = stream.replayed as AccountState;
    const row = rows.get(stream.id);
    rows.delete(stream.id);
    if (!row)
      found.push({
        invariant: 'read-model-converged',
        message: `balances has no row for ${stream.id} (its events say ${folded.balance}).`,
      });
    else if (row.balance !== folded.balance)
      found.push({
        invariant: 'read-model-converged',
        message: `balances says ${stream.id} holds ${String(row.balance)}; its events say ${folded.balance}.`,
      });
  }
  for (const id of rows.keys())
    found.push({
      invariant: 'read-model-converged',
      message: `balances has a row for ${id}, an account the bank has no events of.`,
    });
  return found;
}

function summariesDiverge(snapshot: EsSystemSnapshot): Anomaly[] {
  const orders = snapshot.stores.find((a) => a.store === 'orders');
  if (!orders || !snapshot.readModels) return [];
  const rows = new Map(snapshot.readModels.orderSummaries.map((r) => [r.id as string, r]));
  const found: Anomaly[] = [];
  for (const stream of orders.streams) {
    const folded = stream.replayed as EsOrderState;
    const row = rows.get(stream.id);
    rows.delete(stream.id);
    if (!row)
      found.push({
        invariant: 'read-model-converged',
        message: `orderSummaries has no row for ${stream.id} (${folded.status}, total ${folded.total}).`,
      });
    else if (row.status !== folded.status || Math.abs((row.total as number) - folded.total) > CENT)
      found.push({
        invariant: 'read-model-converged',
        message: `orderSummaries says ${stream.id} is ${String(row.status)} with total ${String(row.total)}; its events say ${folded.status}, ${folded.total}.`,
      });
  }
  for (const id of rows.keys())
    found.push({
      invariant: 'read-model-converged',
      message: `orderSummaries has a row for ${id}, an order with no events.`,
    });
  return found;
}

/** The read models only have to agree once the system has settled (every projection caught up). */
export function checkEsInvariants(snapshot: EsSystemSnapshot, { settled }: { settled: boolean }): Anomaly[] {
  return [
    ...replayDiffers(snapshot),
    ...moneyLost(snapshot),
    ...(settled ? [...balancesDiverge(snapshot), ...summariesDiverge(snapshot)] : []),
  ];
}
