// Which event store feeds which read model, and under which checkpoint name.
// The two stores number their events separately (each has its own `position`
// sequence), so a checkpoint only means something together with its store:
// each read model keeps one checkpoint per source store, named
// `<readModel>@<store>` (`balances@bank`). Today each read model has one
// source; one fed by both stores would simply list both.

import type { EsStoreName, ReadModelName } from './esTypes';
import type { Projection } from './projection';
import { accountBalances, orderSummaries, transactionHistory } from './readModels';

export interface ProjectionSource {
  readModel: ReadModelName;
  store: EsStoreName;
  /** The read model's projection under its per-store checkpoint name. */
  projection: Projection;
}

const PROJECTIONS: Record<ReadModelName, Projection> = {
  orderSummaries,
  balances: accountBalances,
  history: transactionHistory,
};

const FEEDS: Record<ReadModelName, EsStoreName[]> = {
  orderSummaries: ['orders'],
  balances: ['bank'],
  // History rows are keyed [account+position]: positions of one store only, so keys never collide.
  history: ['bank'],
};

export function checkpointName(readModel: ReadModelName, store: EsStoreName): string {
  return `${readModel}@${store}`;
}

export const PROJECTION_SOURCES: readonly ProjectionSource[] = (
  Object.keys(FEEDS) as ReadModelName[]
).flatMap((readModel) =>
  FEEDS[readModel].map((store) => ({
    readModel,
    store,
    projection: { ...PROJECTIONS[readModel], name: checkpointName(readModel, store) },
  })),
);

/** The tables a read model's projection writes (what reading or rebuilding it touches). */
export function tablesOf(readModel: ReadModelName): string[] {
  return PROJECTIONS[readModel].tables;
}
