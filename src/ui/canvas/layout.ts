// Fixed geometry of the canvas: four services in a row in choreography order,
// the broker spanning the row beneath them and, in orchestrated runs, the
// orchestrator spanning a row beneath the broker. Every edge runs straight up
// or down between a node and the broker, so no edge crosses another or a node.

import { Position, type NodeHandle } from '@xyflow/react';
import type { ServiceName } from '../../core/rows';

/** Left to right in the order an order flows through them. */
export const SERVICE_ORDER: ServiceName[] = ['order', 'payment', 'inventory', 'shipping'];

export const SERVICE_W = 304;
/** Tall enough for the business tables, the outbox (or change log), the relay's two lines and the inbox. */
export const SERVICE_H = 558;
/** Wide enough that a delivery label (three-digit counts) and the next service's publish label do not touch. */
export const GAP_X = 22;
/** Room between the service row and the broker for the edge labels. */
export const EDGE_GAP = 108;
export const ROW_W = SERVICE_ORDER.length * SERVICE_W + (SERVICE_ORDER.length - 1) * GAP_X;
export const BROKER_H = 255;
/**
 * An orchestrated run's broker holds each service's command and compensation lanes as well (twelve topics,
 * about ten consumer rows a column): taller, so its last rows are not cut off.
 */
export const BROKER_H_ORCHESTRATED = 320;
export const brokerHeight = (orchestrated: boolean) => (orchestrated ? BROKER_H_ORCHESTRATED : BROKER_H);

/** Where on a service's bottom edge its publishing (out) and consuming (in) lines attach, as a fraction of its width. */
export const PUB_AT = 0.25;
export const SUB_AT = 0.75;

/** Each service's column in the row: where it starts and how wide it is, in flow pixels. */
export type ServiceColumns = Readonly<Record<ServiceName, { x: number; w: number }>>;

function columnsOf(width: (service: ServiceName) => number): ServiceColumns {
  let x = 0;
  const columns = {} as Record<ServiceName, { x: number; w: number }>;
  for (const service of SERVICE_ORDER) {
    const w = width(service);
    columns[service] = { x, w };
    x += w + GAP_X;
  }
  return columns;
}

/** Four columns of one width: every page but a workshop attendee's. */
export const EVEN_COLUMNS: ServiceColumns = columnsOf(() => SERVICE_W);

/** How much wider than another a column of a service this browser runs is, on an attendee's page. */
const OWN_WEIGHT = 1.6;
const attendeeColumns = new Map<string, ServiceColumns>();

/**
 * The row on a workshop attendee's page: the services this browser runs wide, the others narrow, in the same
 * row width (so the broker and every other row keep their places). Without a service of its own, or with all
 * of them, every column is even.
 */
export function columnsFor(own: readonly ServiceName[]): ServiceColumns {
  const mine = SERVICE_ORDER.filter((s) => own.includes(s));
  if (mine.length === 0 || mine.length === SERVICE_ORDER.length) return EVEN_COLUMNS;
  const key = mine.join(',');
  let columns = attendeeColumns.get(key);
  if (!columns) {
    const room = ROW_W - (SERVICE_ORDER.length - 1) * GAP_X;
    const weights = mine.length * OWN_WEIGHT + (SERVICE_ORDER.length - mine.length);
    const unit = Math.floor(room / weights);
    const wide = Math.floor(unit * OWN_WEIGHT);
    // The last column takes what rounding left, so the row ends where the broker does.
    const last = SERVICE_ORDER[SERVICE_ORDER.length - 1];
    const rest = room - SERVICE_ORDER.slice(0, -1).reduce((n, s) => n + (mine.includes(s) ? wide : unit), 0);
    columns = columnsOf((s) => (s === last ? rest : mine.includes(s) ? wide : unit));
    attendeeColumns.set(key, columns);
  }
  return columns;
}

export function serviceX(service: ServiceName, columns: ServiceColumns = EVEN_COLUMNS): number {
  return (columns[service] ?? columns.order).x;
}

export function serviceW(service: ServiceName, columns: ServiceColumns = EVEN_COLUMNS): number {
  return (columns[service] ?? columns.order).w;
}

export const BROKER_Y = SERVICE_H + EDGE_GAP;

/** Room between the broker and the orchestrator for two-line edge labels; every pixel of height costs zoom. */
export const ORCH_GAP = 80;
export const ORCH_Y = BROKER_Y + BROKER_H_ORCHESTRATED + ORCH_GAP;
export const ORCH_H = 200;
/**
 * The rows' heights and places: the full canvas's, or the presenter's compact one, whose nodes fold
 * their tables to counts and the rows that matter so that the canvas fits a 1280×720 projector at a
 * zoom where its larger type is still at least 14 px.
 */
export interface Geometry {
  serviceH: number;
  brokerH: (orchestrated: boolean) => number;
  brokerY: number;
  orchY: number;
  orchH: number;
  /** The compact nodes' rows a table: business tables and each outbox (absent: the full canvas's own). */
  slots?: CompactSlots;
}

/** How many rows a compact node's tables show: a business table, an outbox, the broker's group rows in all. */
interface CompactSlots {
  business: number;
  /** The orchestrator's sagas: its row is wide and its sagas are the run's story. */
  sagas: number;
  outbox: number;
  brokerRows: number;
  /** Whether the services keep their relay's line (an orchestrated run's services have no room for it). */
  relayLine: boolean;
  /** Whether a service's outbox caption may take a second line (its height keeps one spare). */
  captionWraps: boolean;
}

export const FULL: Geometry = {
  serviceH: SERVICE_H,
  brokerH: brokerHeight,
  brokerY: SERVICE_H + EDGE_GAP,
  orchY: SERVICE_H + EDGE_GAP + BROKER_H_ORCHESTRATED + 80,
  orchH: 200,
};

interface CompactRows {
  serviceH: number;
  edgeGap: number;
  brokerH: number;
  orchGap: number;
  orchH: number;
  slots: CompactSlots;
}

function compact({ serviceH, edgeGap, brokerH, orchGap, orchH, slots }: CompactRows): Geometry {
  return {
    serviceH,
    brokerH: () => brokerH,
    brokerY: serviceH + edgeGap,
    orchY: serviceH + edgeGap + brokerH + orchGap,
    orchH,
    slots,
  };
}

/**
 * The presenter's rows. At 1280×720 the row of four services bounds the fit at about 0.78, where 19 flow px reads
 * as 14.8 px: the whole canvas must then stay under about 720 flow px tall, or the fit shrinks to the height.
 * An orchestrated run gives the orchestrator's row a row of each service's tables, its outbox rows (the caption
 * keeps the counts) and its relay's line. The event-driven plain rows keep each service a spare line for its outbox caption, which
 * then breaks between its counts once they reach three digits; the orchestrated rows have no line to spare (a taller
 * canvas shrinks a compare page's fit below 14 px), so there the caption stays on one line.
 */
export const COMPACT = {
  plain: compact({
    // The spare caption line's height comes out of the gap and the broker's foot: the canvas stays as tall.
    serviceH: 374,
    edgeGap: 74,
    // Four group rows a side under the header.
    brokerH: 188,
    orchGap: 0,
    orchH: 0,
    slots: { business: 2, sagas: 2, outbox: 1, brokerRows: 8, relayLine: true, captionWraps: true },
  }),
  /**
   * Direct calls (`calls`) and two-phase commit (`quiet`) send no events: the broker holds one line saying so;
   * two-phase commit's services take its height for their locks, waits and coordinator log.
   */
  calls: compact({
    serviceH: 352,
    edgeGap: 84,
    brokerH: 110,
    orchGap: 0,
    orchH: 0,
    // No outbox: no caption to break.
    slots: { business: 2, sagas: 2, outbox: 1, brokerRows: 2, relayLine: true, captionWraps: false },
  }),
  quiet: compact({
    serviceH: 530,
    edgeGap: 96,
    brokerH: 110,
    orchGap: 0,
    orchH: 0,
    slots: { business: 2, sagas: 2, outbox: 1, brokerRows: 2, relayLine: true, captionWraps: false },
  }),
  orchestrated: compact({
    serviceH: 296,
    edgeGap: 60,
    brokerH: 184,
    orchGap: 48,
    orchH: 152,
    slots: { business: 1, sagas: 2, outbox: 0, brokerRows: 6, relayLine: false, captionWraps: false },
  }),
};

/** How a run's services talk, as far as the canvas's rows care. */
export type Messaging = 'events' | 'direct-calls' | 'two-phase-commit';

/** The geometry of a run's canvas. */
export function geometryOf(
  compactView: boolean,
  orchestrated: boolean,
  messaging: Messaging = 'events',
): Geometry {
  if (!compactView) return FULL;
  if (orchestrated) return COMPACT.orchestrated;
  return messaging === 'events'
    ? COMPACT.plain
    : messaging === 'direct-calls'
      ? COMPACT.calls
      : COMPACT.quiet;
}

/** Where the orchestrator's two lines meet its top edge (and the broker's bottom edge), in flow pixels. */
export const ORCH_PUB_X = Math.round(ROW_W * 0.36);
export const ORCH_SUB_X = Math.round(ROW_W * 0.64);

/** The broker's handle under a service's handle, in the broker's own coordinates (it sits at x = 0). */
export function brokerHandleLeft(
  service: ServiceName,
  at: number,
  columns: ServiceColumns = EVEN_COLUMNS,
): number {
  return serviceX(service, columns) + serviceW(service, columns) * at;
}

export const handleIds = {
  servicePub: 'pub',
  serviceSub: 'sub',
  brokerIn: (service: ServiceName) => `in:${service}`,
  brokerOut: (service: ServiceName) => `out:${service}`,
};

/**
 * Handle positions given to React Flow up front. Our nodes are re-derived every
 * frame; without these (and `measured`) React Flow would forget the measured
 * handles on each update, drop the edges for a frame and remount them.
 */
export const handle = (
  id: string,
  type: NodeHandle['type'],
  position: Position,
  x: number,
  y: number,
): NodeHandle => ({ id, type, position, x, y, width: 1, height: 1 });

export function serviceHandles(geometry: Geometry = FULL, width = SERVICE_W): NodeHandle[] {
  return [
    handle(handleIds.servicePub, 'source', Position.Bottom, width * PUB_AT, geometry.serviceH),
    handle(handleIds.serviceSub, 'target', Position.Bottom, width * SUB_AT, geometry.serviceH),
  ];
}

export function orchestratorHandles(): NodeHandle[] {
  return [
    handle(handleIds.servicePub, 'source', Position.Top, ORCH_PUB_X, 0),
    handle(handleIds.serviceSub, 'target', Position.Top, ORCH_SUB_X, 0),
  ];
}

/** The broker's handles: a pair atop it under each service, and a pair beneath it for the orchestrator. */
export function brokerHandles(
  orchestrated: boolean,
  geometry: Geometry = FULL,
  columns: ServiceColumns = EVEN_COLUMNS,
): NodeHandle[] {
  const above = SERVICE_ORDER.flatMap((service) => [
    handle(
      handleIds.brokerIn(service),
      'target',
      Position.Top,
      brokerHandleLeft(service, PUB_AT, columns),
      0,
    ),
    handle(
      handleIds.brokerOut(service),
      'source',
      Position.Top,
      brokerHandleLeft(service, SUB_AT, columns),
      0,
    ),
  ]);
  const below = orchestrated
    ? [
        handle(
          handleIds.brokerIn('orchestrator'),
          'target',
          Position.Bottom,
          ORCH_PUB_X,
          geometry.brokerH(true),
        ),
        handle(
          handleIds.brokerOut('orchestrator'),
          'source',
          Position.Bottom,
          ORCH_SUB_X,
          geometry.brokerH(true),
        ),
      ]
    : [];
  return [...above, ...below];
}
