// Fixed geometry of the CDC canvas, in flow pixels. Left to right: the legacy
// listings service, then a middle column with the connector above the broker,
// then the query service. Stacking the middle pair keeps the row narrow enough
// that a 1280×800 screen shows it at about 0.85× — readable — and every edge
// runs straight: across from the change log to the connector, down from the
// connector to the broker, across from the broker to the query service.
// Presenter mode has its own, compact geometry (COMPACT): larger type in
// shorter nodes whose tables show as many of the newest rows as fit.

import { Position, type NodeHandle } from '@xyflow/react';
import { handle } from '../canvas/layout';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type CdcBox = 'listings' | 'connector' | 'broker' | 'query';

/** How the presenter's compact tables are cut to their room: lines of projector type, and characters a line. */
export interface CompactTables {
  /** Lines of body rows each table has room for: a row whose long value wraps takes two or three. */
  lines: { listings: number; log: number; docs: number };
  /** Characters a line holds in each column that wraps, at projector type. */
  chars: { title: number; diff: number; doc: number };
}

export interface CdcGeometry {
  boxes: Record<CdcBox, Box>;
  handles: Record<CdcBox, NodeHandle[]>;
  /** The presenter's compact tables (absent: the full canvas's fixed slots). */
  compact?: CompactTables;
}

export const handleIds = { out: 'out', in: 'in' } as const;

interface Columns {
  /** The three columns' widths and the room between them. */
  sideW: number;
  midW: number;
  queryW: number;
  gap: number;
  height: number;
  connectorY: number;
  connectorH: number;
  /** Room between connector and broker for the publish edge's label. */
  publishGap: number;
  brokerH: number;
  /** Where the change-log edge leaves the listings node (and enters the connector): level with the log. */
  logEdgeY: number;
  /** Where the delivery edge leaves the broker, below its top. */
  deliverAt: number;
}

function geometry(c: Columns, compact?: CompactTables): CdcGeometry {
  const midX = c.sideW + c.gap;
  const brokerY = c.connectorY + c.connectorH + c.publishGap;
  const boxes = {
    listings: { x: 0, y: 0, w: c.sideW, h: c.height },
    connector: { x: midX, y: c.connectorY, w: c.midW, h: c.connectorH },
    broker: { x: midX, y: brokerY, w: c.midW, h: c.brokerH },
    query: { x: midX + c.midW + c.gap, y: 0, w: c.queryW, h: c.height },
  };
  const deliverY = brokerY + c.deliverAt;
  // Handle positions go to React Flow up front (see canvas/layout.ts for why).
  const handles = {
    listings: [handle(handleIds.out, 'source', Position.Right, c.sideW, c.logEdgeY)],
    connector: [
      handle(handleIds.in, 'target', Position.Left, 0, c.logEdgeY - c.connectorY),
      handle(handleIds.out, 'source', Position.Bottom, c.midW / 2, c.connectorH),
    ],
    broker: [
      handle(handleIds.in, 'target', Position.Top, c.midW / 2, 0),
      handle(handleIds.out, 'source', Position.Right, c.midW, c.deliverAt),
    ],
    query: [handle(handleIds.in, 'target', Position.Left, 0, deliverY)],
  };
  return { boxes, handles, ...(compact ? { compact } : {}) };
}

export const FULL = geometry({
  sideW: 360,
  midW: 230,
  queryW: 360,
  /** Horizontal room between columns: the arrows only, no labels. */
  gap: 50,
  height: 830,
  connectorY: 110,
  connectorH: 380,
  publishGap: 104,
  brokerH: 210,
  logEdgeY: 440,
  deliverAt: 70,
});

/** A wrapping column's share of its table, used both for its `<col>` and for the characters a line holds. */
export const COMPACT_SHARES = { title: 0.38, diff: 0.56, doc: 0.6 } as const;

/**
 * Projector type is 19 flow px; an average character of running text is taken as 0.5 of it, a little wider
 * than Arial's and Liberation Sans's (about 0.47), so an estimate errs towards a row too few.
 */
const CHAR_PX = 19 * 0.5;
/** A node's frame and body padding, and a cell's padding, in flow px. */
const NODE_INSET = 6 + 16;
const CELL_INSET = 8;
const charsIn = (nodeW: number, share: number) =>
  Math.floor(((nodeW - NODE_INSET) * share - CELL_INSET) / CHAR_PX);

const SIDE_W = 440;
const QUERY_W = 380;

/**
 * The presenter's geometry. At 1280×720 (the side panel open) the canvas is fitted to its width at about
 * 0.78, where 19 flow px reads as about 14.8 px: the canvas stays under about 790 flow px tall, or the fit
 * shrinks to the height. The listings node is the widest: its table keeps its four columns.
 */
export const COMPACT = geometry(
  {
    sideW: SIDE_W,
    midW: 260,
    queryW: QUERY_W,
    gap: 40,
    height: 770,
    connectorY: 0,
    connectorH: 430,
    publishGap: 80,
    brokerH: 260,
    logEdgeY: 330,
    deliverAt: 80,
  },
  {
    lines: { listings: 7, log: 15, docs: 17 },
    chars: {
      title: charsIn(SIDE_W, COMPACT_SHARES.title),
      diff: charsIn(SIDE_W, COMPACT_SHARES.diff),
      doc: charsIn(QUERY_W, COMPACT_SHARES.doc),
    },
  },
);

export const geometryOf = (compact: boolean): CdcGeometry => (compact ? COMPACT : FULL);

/** The full canvas's boxes and handles. */
export const BOXES = FULL.boxes;
export const HANDLES = FULL.handles;

/** True when two boxes share any area: the layout test keeps every pair apart. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
