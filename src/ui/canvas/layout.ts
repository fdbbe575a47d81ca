// Fixed geometry of the canvas: four services in a row in choreography order,
// the broker spanning the row beneath them. Every edge runs straight up or down
// between a service and the broker, so no edge crosses another or a node.

import { Position, type NodeHandle } from '@xyflow/react';
import type { ServiceName } from '../../core/rows';

/** Left to right in the order an order flows through them. */
export const SERVICE_ORDER: ServiceName[] = ['order', 'payment', 'inventory', 'shipping'];

export const SERVICE_W = 304;
export const SERVICE_H = 530;
export const GAP_X = 10;
/** Room between the service row and the broker for the edge labels. */
export const EDGE_GAP = 108;
export const ROW_W = SERVICE_ORDER.length * SERVICE_W + (SERVICE_ORDER.length - 1) * GAP_X;
export const BROKER_H = 255;

/** Where on a service's bottom edge its publishing (out) and consuming (in) lines attach, as a fraction of its width. */
export const PUB_AT = 0.25;
export const SUB_AT = 0.75;

export function serviceX(service: ServiceName): number {
  return Math.max(0, SERVICE_ORDER.indexOf(service)) * (SERVICE_W + GAP_X);
}

export const BROKER_Y = SERVICE_H + EDGE_GAP;

/** The broker's handle under a service's handle, in the broker's own coordinates (it sits at x = 0). */
export function brokerHandleLeft(service: ServiceName, at: number): number {
  return serviceX(service) + SERVICE_W * at;
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
export function serviceHandles(): NodeHandle[] {
  return [
    {
      id: handleIds.servicePub,
      type: 'source',
      position: Position.Bottom,
      x: SERVICE_W * PUB_AT,
      y: SERVICE_H,
      width: 1,
      height: 1,
    },
    {
      id: handleIds.serviceSub,
      type: 'target',
      position: Position.Bottom,
      x: SERVICE_W * SUB_AT,
      y: SERVICE_H,
      width: 1,
      height: 1,
    },
  ];
}

export function brokerHandles(): NodeHandle[] {
  return SERVICE_ORDER.flatMap((service): NodeHandle[] => [
    {
      id: handleIds.brokerIn(service),
      type: 'target',
      position: Position.Top,
      x: brokerHandleLeft(service, PUB_AT),
      y: 0,
      width: 1,
      height: 1,
    },
    {
      id: handleIds.brokerOut(service),
      type: 'source',
      position: Position.Top,
      x: brokerHandleLeft(service, SUB_AT),
      y: 0,
      width: 1,
      height: 1,
    },
  ]);
}
