// Pure derivation of React Flow nodes and edges from the store's state. Nodes
// are fixed-size and fixed-place; only their data and the edges' labels move.

import type { ServiceName } from '../../core/rows';
import { DEFAULT_APPROACH, hasEvents, type Approach } from '../approach';
import { droppedRows } from '../store/mirror';
import { businessTablesOf } from '../store/schema';
import {
  duplicatesSkipped,
  isOrchestrated,
  latestRows,
  logTailOf,
  outboxView,
  processOf,
  semanticLocks,
  table,
} from '../store/selectors';
import type { PlaygroundData } from '../store/types';
import { retentionLine, topicViews, type TopicView } from './brokerView';
import { BROKER_ID, flowEdges, ORCHESTRATOR_ID } from './flowEdges';
import type { FlowNode, MessageFlowEdge, ServiceNodeData } from './flowTypes';
import { businessSlots, lowerSection } from './sections';
import { namedIds, rowMarks, rowsToShow, type RowMark } from './rowMarks';
import type { Anomaly } from '../../core/invariantCatalogue';
import type { Row } from '../../core/rows';
import type { TableMap } from '../store/types';
import type { NodeHandle } from '@xyflow/react';
import {
  brokerHandles,
  columnsFor,
  FULL,
  geometryOf,
  type Geometry,
  orchestratorHandles,
  ROW_W,
  SERVICE_ORDER,
  serviceHandles,
  type ServiceColumns,
  serviceW,
  serviceX,
} from './layout';

export { BROKER_ID, isDown } from './flowEdges';

/** `trims` and `summarising` are optional: a state without them counts nothing dropped and draws every pulse. */
export type FlowInput = Pick<PlaygroundData, 'mirror' | 'processes' | 'broker' | 'activity'> &
  Partial<Pick<PlaygroundData, 'trims' | 'summarising'>> & {
    /** What the checker found: rows it names are pinned on their tables. */
    anomalies?: readonly Pick<Anomaly, 'message'>[];
  };

// React Flow gives unselectable, undraggable nodes pointer-events: none; ours hold buttons.
const INTERACTIVE = { pointerEvents: 'all' } as const;
/** The saga participants that keep semantic locks. */
const LOCKING_PARTICIPANTS: ServiceName[] = ['payment', 'inventory', 'shipping'];
const ORCHESTRATOR_HANDLES = orchestratorHandles();
type Handles = { service: Record<ServiceName, NodeHandle[]>; broker: NodeHandle[] };
const handlesCache = { plain: new Map<string, Handles>(), orchestrated: new Map<string, Handles>() };
const geometryIds = new Map<Geometry, number>();
const columnIds = new Map<ServiceColumns, number>();
const idOf = <K>(ids: Map<K, number>, key: K) => {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
};
/** Each geometry's and row's handles, made once: nodes are re-derived every frame. */
function handlesOf(geometry: Geometry, orchestrated: boolean, columns: ServiceColumns) {
  const cache = handlesCache[orchestrated ? 'orchestrated' : 'plain'];
  const key = `${idOf(geometryIds, geometry)}/${idOf(columnIds, columns)}`;
  let hit = cache.get(key);
  if (!hit) {
    const service = Object.fromEntries(
      SERVICE_ORDER.map((s) => [s, serviceHandles(geometry, serviceW(s, columns))]),
    ) as Record<ServiceName, NodeHandle[]>;
    cache.set(key, (hit = { service, broker: brokerHandles(orchestrated, geometry, columns) }));
  }
  return hit;
}

const NO_ANOMALIES: readonly Pick<Anomaly, 'message'>[] = [];
const marksCache = new WeakMap<TableMap, { named: ReadonlySet<string>; marks: Map<string, RowMark> }>();
const namedCache = new WeakMap<readonly Pick<Anomaly, 'message'>[], ReadonlySet<string>>();

/** A table's marks, worked out again only when its rows or the anomalies change. */
function marksOf(name: string, rows: TableMap, named: ReadonlySet<string>): Map<string, RowMark> {
  const hit = marksCache.get(rows);
  if (hit && hit.named === named) return hit.marks;
  const marks = rowMarks(name, rows.values(), named);
  marksCache.set(rows, { named, marks });
  return marks;
}

function namedOf(anomalies: readonly Pick<Anomaly, 'message'>[]): ReadonlySet<string> {
  let named = namedCache.get(anomalies);
  if (!named) namedCache.set(anomalies, (named = namedIds(anomalies)));
  return named;
}

function serviceData(
  state: FlowInput,
  approach: Approach,
  service: ServiceName,
  geometry: Geometry = FULL,
): ServiceNodeData {
  const compact = geometry.slots !== undefined;
  const tail = logTailOf(state, service);
  const locks = semanticLocks(state, service);
  const named = namedOf(state.anomalies ?? NO_ANOMALIES);
  return {
    service,
    process: processOf(state, service),
    business: businessTablesOf(service).map((name) => {
      const rows = table(state, service, name);
      const full = businessSlots(approach, name);
      const fold = geometry.slots;
      const compactSlots = !fold
        ? full
        : name === 'sagas'
          ? fold.sagas
          : name === 'reservations'
            ? 1
            : fold.business;
      const slots = Math.min(full, compactSlots);
      const marks = marksOf(name, rows, named);
      const all: Row[] = marks.size ? [...rows.values()] : [];
      return {
        table: name,
        total: rows.size + droppedRows(state.trims ?? {}, service, name),
        rows: rowsToShow(all, latestRows(rows), marks, slots),
        slots,
        marks: Object.fromEntries(marks),
        duplicates: [...marks.values()].filter((m) => m === 'duplicate').length,
      };
    }),
    outbox: outboxView(table(state, service, 'outbox'), tail),
    logTail: tail,
    relay: state.activity.services[service]?.relay ?? null,
    inbox: {
      on: approach.guards?.inbox ?? true,
      processed: table(state, service, 'inbox').size + droppedRows(state.trims ?? {}, service, 'inbox'),
      duplicatesSkipped: duplicatesSkipped(state, service),
      lateRefused: locks.refused,
      lastRefusal: locks.last,
    },
    idempotencyKeys: approach.guards?.idempotencyKeys ?? true,
    handlerFailures: state.activity.services[service]?.handlerFailures ?? 0,
    lower: lowerSection(state, approach, service),
    ...(geometry.slots
      ? {
          compact,
          relayLine: geometry.slots.relayLine,
          outboxRows: geometry.slots.outbox,
          captionWraps: geometry.slots.captionWraps,
        }
      : {}),
  };
}

/** A fixed box: React Flow is told its size up front, so it never measures or moves it. */
function box(x: number, y: number, width: number, height: number) {
  return {
    position: { x, y },
    width,
    height,
    measured: { width, height },
    draggable: false,
    style: INTERACTIVE,
  };
}

function orchestratorNode(state: FlowInput, approach: Approach, compact: boolean): FlowNode {
  const geometry = geometryOf(compact, true);
  let stuck = 0;
  for (const row of table(state, 'orchestrator', 'sagas').values()) if (row.status === 'STUCK') stuck++;
  // Every refusal a saga records is a reply from a participant that counted it on its lock: sum those,
  // rather than walk every saga's history on every frame.
  const refused = LOCKING_PARTICIPANTS.reduce(
    (sum, service) => sum + semanticLocks(state, service).refused,
    0,
  );
  return {
    id: ORCHESTRATOR_ID,
    type: 'orchestrator',
    ...box(0, geometry.orchY, ROW_W, geometry.orchH),
    handles: ORCHESTRATOR_HANDLES,
    data: { ...serviceData(state, approach, 'orchestrator', geometry), stuck, refused },
  };
}

const QUIET: Partial<Record<Approach['ordering'], string>> = {
  'direct-calls':
    'Direct calls: the order service calls each service and waits, so no event passes through the broker.',
  'two-phase-commit':
    'Two-phase commit: the order service calls payment and inventory to prepare, then to commit or abort; no event passes through the broker.',
};

/** The same, in one line of projector type for the presenter's compact broker. */
const QUIET_SHORT: Partial<Record<Approach['ordering'], string>> = {
  'direct-calls': 'No events here: the order service calls each service and waits for it.',
  'two-phase-commit': 'No events here: the coordinator calls prepare, then commit or abort.',
};

function nodes(
  state: FlowInput,
  approach: Approach,
  topics: TopicView[],
  settings: FlowSettings,
): FlowNode[] {
  const orchestrated = isOrchestrated(state);
  const compact = settings.compact ?? false;
  const messaging = hasEvents(approach)
    ? 'events'
    : approach.ordering === 'two-phase-commit'
      ? 'two-phase-commit'
      : 'direct-calls';
  const geometry = geometryOf(compact, orchestrated, messaging);
  const columns = columnsFor(settings.own ?? []);
  const handles = handlesOf(geometry, orchestrated, columns);
  const services: FlowNode[] = SERVICE_ORDER.map((service) => ({
    id: service,
    type: 'service',
    ...box(serviceX(service, columns), 0, serviceW(service, columns), geometry.serviceH),
    handles: handles.service[service],
    data: serviceData(state, approach, service, geometry),
  }));
  const broker: FlowNode = {
    id: BROKER_ID,
    type: 'broker',
    ...box(0, geometry.brokerY, ROW_W, geometry.brokerH(orchestrated)),
    handles: handles.broker,
    data: {
      process: state.processes.broker,
      orchestrated,
      topics,
      deadLetters: state.broker?.deadLetters ?? 0,
      paused: state.broker?.paused ?? false,
      known: state.broker !== null,
      quiet: hasEvents(approach) ? null : ((compact ? QUIET_SHORT : QUIET)[approach.ordering] ?? null),
      retention: hasEvents(approach) ? retentionLine(state.broker, settings.publishedOutboxMs) : null,
      columns,
      ...(geometry.slots ? { compactRows: geometry.slots.brokerRows } : {}),
    },
  };
  return orchestrated
    ? [...services, broker, orchestratorNode(state, approach, compact)]
    : [...services, broker];
}

/** The run's settings the canvas shows beside the telemetry: how long published outbox rows are kept. */
export interface FlowSettings {
  publishedOutboxMs?: number | null;
  /** The presenter's compact layout (layout.ts COMPACT): shorter rows, tables folded to counts and marked rows. */
  compact?: boolean;
  /** On a workshop attendee's page, the services this browser runs: drawn wide, the others narrow. */
  own?: readonly ServiceName[];
}

/** `approach`: which run this is; each approach shows what matters in it (see sections.ts). */
export function toFlow(
  state: FlowInput,
  approach: Approach = DEFAULT_APPROACH,
  settings: FlowSettings = {},
): { nodes: FlowNode[]; edges: MessageFlowEdge[] } {
  const topics = topicViews(state.broker);
  return {
    nodes: nodes(state, approach, topics, settings),
    edges: flowEdges(state, topics, approach, settings.compact),
  };
}
