// Every saga of the run as the saga panel lists it, derived from the mirror by
// core's pure sagaViews — the same function the invariant checker and
// window.playground.sagas() use — so the panel shows committed rows, nothing else.

import type { OrderRow, Row, SagaRow, ServiceName, TableDump } from '../../core/rows';
import { sagaViews, type SagaView } from '../../core/saga/sagaView';
import { isOrchestrated, table } from './selectors';
import type { PlaygroundData, TableMap } from './types';

export interface SagaItem extends SagaView {
  /** When the order was placed (wall clock): the list shows the newest first. */
  createdAt: number;
  /** Orchestrated run, but the orchestrator has not started this order's saga yet (say, it is down). */
  awaitingOrchestrator: boolean;
  /** Attempts made at the current step or compensation (orchestrated sagas only). */
  attempt: number | null;
  /** Simulation time at which the saga's timer fires, and what kind of timer it is. */
  timer: { due: number; kind: 'timeout' | 'retry' } | null;
}

export type SagaFilter = 'all' | 'running' | 'stuck' | 'compensated' | 'completed';

export const SAGA_FILTERS: SagaFilter[] = ['all', 'running', 'stuck', 'compensated', 'completed'];

type SagaInput = Pick<PlaygroundData, 'mirror' | 'processes'>;

const SERVICES: ServiceName[] = ['order', 'payment', 'inventory', 'shipping', 'orchestrator'];

/** The tables sagaViews reads: the orchestrator's sagas, the orders, and every outbox (the choreographed chains). */
function inputsOf(state: SagaInput): TableMap[] {
  return [
    table(state, 'orchestrator', 'sagas'),
    table(state, 'order', 'orders'),
    ...SERVICES.map((service) => table(state, service, 'outbox')),
  ];
}

function dumpsOf(state: SagaInput): Partial<Record<ServiceName, TableDump>> {
  const rows = (service: ServiceName, name: string): Row[] => [...table(state, service, name).values()];
  const dumps: Partial<Record<ServiceName, TableDump>> = {};
  for (const service of SERVICES) dumps[service] = { outbox: rows(service, 'outbox') };
  dumps.order!.orders = rows('order', 'orders');
  dumps.orchestrator!.sagas = rows('orchestrator', 'sagas');
  return dumps;
}

/** The persisted XState snapshot's context holds the attempt count and timer kind; read it defensively. */
function machineContext(row: SagaRow | undefined): { attempt?: unknown; timer?: unknown } {
  const snapshot = row?.snapshot as { context?: { attempt?: unknown; timer?: unknown } } | undefined;
  return snapshot?.context ?? {};
}

function timerOf(row: SagaRow | undefined): SagaItem['timer'] {
  if (row?.timer_due === undefined) return null;
  const timer = machineContext(row).timer as { kind?: unknown } | null | undefined;
  // Without the snapshot, the state says it: `*.waiting` backs off before a retry; `*.awaiting` awaits a reply.
  const fromState = row.state.split('.').at(-1) === 'waiting' ? 'retry' : 'timeout';
  const kind = timer?.kind === 'retry' || timer?.kind === 'timeout' ? timer.kind : fromState;
  return { due: row.timer_due, kind };
}

export function toSagaItems(state: SagaInput): SagaItem[] {
  const orchestrated = isOrchestrated(state);
  const sagaRows = table(state, 'orchestrator', 'sagas');
  const orders = table(state, 'order', 'orders');
  return sagaViews(dumpsOf(state))
    .map((view): SagaItem => {
      const row = sagaRows.get(view.id) as SagaRow | undefined;
      const order = orders.get(view.orderId) as OrderRow | undefined;
      const attempt = machineContext(row).attempt;
      // In an orchestrated run an order without a saga row is not choreographed: its saga has not started yet.
      const awaiting = orchestrated && view.style === 'choreography' && view.status === 'RUNNING';
      return {
        ...view,
        style: awaiting ? 'orchestration' : view.style,
        createdAt: order?.created_at ?? row?.created_at ?? 0,
        awaitingOrchestrator: awaiting,
        attempt: typeof attempt === 'number' ? attempt : null,
        timer: timerOf(row),
      };
    })
    .sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
}

let memo: {
  inputs: TableMap[];
  orchestrated: boolean;
  items: SagaItem[];
  at: number;
  summary: boolean;
} | null = null;

/** Under load (the store summarising), the list shows this many of the newest sagas, plus every stuck one… */
export const SUMMARY_SAGAS = 20;
/** …and is derived again at most this often: a list of hundreds re-laid out four times a second costs more than it tells. */
export const SUMMARY_REFRESH_MS = 1000;

/**
 * Memoised on the identity of the tables it reads: the mirror replaces a table's
 * Map only when one of its rows changed, so an unrelated commit (stock, inbox)
 * returns the same array and the panel does not re-render. While the store
 * summarises, only the newest sagas (and the stuck ones), refreshed once a second.
 */
export function selectSagas(
  state: SagaInput & Partial<Pick<PlaygroundData, 'summarising'>>,
  now = Date.now(),
): SagaItem[] {
  const inputs = inputsOf(state);
  const orchestrated = isOrchestrated(state);
  const summary = state.summarising === true;
  if (memo && memo.orchestrated === orchestrated && memo.summary === summary) {
    const same = memo.inputs.length === inputs.length && memo.inputs.every((map, i) => map === inputs[i]);
    if (same || (summary && now - memo.at < SUMMARY_REFRESH_MS)) return memo.items;
  }
  const all = toSagaItems(state);
  const items = summary ? all.filter((item, i) => i < SUMMARY_SAGAS || item.status === 'STUCK') : all;
  memo = { inputs, orchestrated, items, at: now, summary };
  return memo.items;
}

export function matchesFilter(item: SagaItem, filter: SagaFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'running':
      return item.status === 'RUNNING' || item.status === 'COMPENSATING';
    case 'stuck':
      return item.status === 'STUCK';
    case 'compensated':
      return item.status === 'COMPENSATED';
    case 'completed':
      return item.status === 'COMPLETED';
  }
}

export function sagaCounts(items: readonly SagaItem[]): Record<SagaFilter, number> {
  const counts = { all: 0, running: 0, stuck: 0, compensated: 0, completed: 0 };
  for (const filter of SAGA_FILTERS) counts[filter] = items.filter((i) => matchesFilter(i, filter)).length;
  return counts;
}

/** Cheap enough for the tab badge on every frame: counts the orchestrator's STUCK rows only. */
export function stuckCount(state: Pick<PlaygroundData, 'mirror'>): number {
  let n = 0;
  for (const row of table(state, 'orchestrator', 'sagas').values()) if (row.status === 'STUCK') n++;
  return n;
}
