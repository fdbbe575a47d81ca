// Fixed geometry of the CDC canvas, in flow pixels. Left to right: the legacy
// listings service, then a middle column with the connector above the broker,
// then the query service. Stacking the middle pair keeps the row narrow enough
// that a 1280×800 screen shows it at about 0.85× — readable — and every edge
// runs straight: across from the change log to the connector, down from the
// connector to the broker, across from the broker to the query service.

import { Position } from '@xyflow/react';
import { handle } from '../canvas/layout';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const CANVAS_H = 830;
/** Horizontal room between columns: the arrows only, no labels. */
const COL_GAP = 50;
const SIDE_W = 360;
const MID_W = 230;
const MID_X = SIDE_W + COL_GAP;
const CONNECTOR_Y = 110;
const CONNECTOR_H = 380;
/** Room between connector and broker for the publish edge's label. */
const PUBLISH_GAP = 104;

export const BOXES = {
  listings: { x: 0, y: 0, w: SIDE_W, h: CANVAS_H },
  connector: { x: MID_X, y: CONNECTOR_Y, w: MID_W, h: CONNECTOR_H },
  broker: { x: MID_X, y: CONNECTOR_Y + CONNECTOR_H + PUBLISH_GAP, w: MID_W, h: 210 },
  query: { x: MID_X + MID_W + COL_GAP, y: 0, w: SIDE_W, h: CANVAS_H },
} as const satisfies Record<string, Box>;

/** Where the change-log edge leaves the listings node (and enters the connector), in canvas y: level with the log. */
export const LOG_EDGE_Y = 440;
/** Where the delivery edge leaves the broker and enters the query service, in canvas y. */
export const DELIVER_EDGE_Y = BOXES.broker.y + 70;

export const handleIds = { out: 'out', in: 'in' } as const;

// Handle positions go to React Flow up front (see canvas/layout.ts for why).
export const HANDLES = {
  listings: [
    handle(handleIds.out, 'source', Position.Right, BOXES.listings.w, LOG_EDGE_Y - BOXES.listings.y),
  ],
  connector: [
    handle(handleIds.in, 'target', Position.Left, 0, LOG_EDGE_Y - BOXES.connector.y),
    handle(handleIds.out, 'source', Position.Bottom, BOXES.connector.w / 2, BOXES.connector.h),
  ],
  broker: [
    handle(handleIds.in, 'target', Position.Top, BOXES.broker.w / 2, 0),
    handle(handleIds.out, 'source', Position.Right, BOXES.broker.w, DELIVER_EDGE_Y - BOXES.broker.y),
  ],
  query: [handle(handleIds.in, 'target', Position.Left, 0, DELIVER_EDGE_Y - BOXES.query.y)],
};

/** True when two boxes share any area: the layout test keeps every pair apart. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
