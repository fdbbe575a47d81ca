// Pure derivation of React Flow nodes and edges from the store's state. Nodes
// are fixed-size and fixed-place; only their data and the edges' labels move.

import { MarkerType, type EdgeMarker } from '@xyflow/react';
import type { ServiceName } from '../../core/rows';
import { businessTablesOf } from '../store/schema';
import { duplicatesSkipped, latestRows, outboxView, table } from '../store/selectors';
import type { PlaygroundData, ProcessState } from '../store/types';
import { subscriptionsOf, topicViews, type TopicView } from './brokerView';
import type { EdgeLine, FlowEdgeData, FlowNode, MessageFlowEdge, ServiceNodeData } from './flowTypes';
import {
  BROKER_H,
  BROKER_Y,
  brokerHandles,
  handleIds,
  ROW_W,
  SERVICE_H,
  SERVICE_ORDER,
  SERVICE_W,
  serviceHandles,
  serviceX,
} from './layout';

export type FlowInput = Pick<PlaygroundData, 'mirror' | 'processes' | 'broker' | 'activity'>;

export const BROKER_ID = 'broker';

// React Flow gives unselectable, undraggable nodes pointer-events: none; ours hold buttons.
const INTERACTIVE = { pointerEvents: 'all' } as const;
const SERVICE_HANDLES = serviceHandles();
const BROKER_HANDLES = brokerHandles();

/** Arrow colours: the same as the .message-edge.tone-* strokes in styles/edges.css. */
const TONE_COLORS: Record<FlowEdgeData['tone'], string> = {
  idle: '#1f2937',
  busy: '#b45309',
  down: '#9ca3af',
};

function arrow(tone: FlowEdgeData['tone']): EdgeMarker {
  return { type: MarkerType.ArrowClosed, color: TONE_COLORS[tone], width: 18, height: 18 };
}

export function isDown(p: ProcessState): boolean {
  return p.status === 'crashed' || p.status === 'restarting';
}

function serviceData(state: FlowInput, service: ServiceName): ServiceNodeData {
  return {
    service,
    process: state.processes[service],
    business: businessTablesOf(service).map((name) => {
      const rows = table(state, service, name);
      return { table: name, total: rows.size, rows: latestRows(rows) };
    }),
    outbox: outboxView(table(state, service, 'outbox')),
    inbox: {
      processed: table(state, service, 'inbox').size,
      duplicatesSkipped: duplicatesSkipped(state, service),
    },
    handlerFailures: state.activity.services[service]?.handlerFailures ?? 0,
  };
}

function nodes(state: FlowInput, topics: TopicView[]): FlowNode[] {
  const services: FlowNode[] = SERVICE_ORDER.map((service) => ({
    id: service,
    type: 'service',
    position: { x: serviceX(service), y: 0 },
    width: SERVICE_W,
    height: SERVICE_H,
    measured: { width: SERVICE_W, height: SERVICE_H },
    handles: SERVICE_HANDLES,
    draggable: false,
    style: INTERACTIVE,
    data: serviceData(state, service),
  }));
  const broker: FlowNode = {
    id: BROKER_ID,
    type: 'broker',
    position: { x: 0, y: BROKER_Y },
    width: ROW_W,
    height: BROKER_H,
    measured: { width: ROW_W, height: BROKER_H },
    handles: BROKER_HANDLES,
    draggable: false,
    style: INTERACTIVE,
    data: {
      process: state.processes.broker,
      topics,
      deadLetters: state.broker?.deadLetters ?? 0,
      paused: state.broker?.paused ?? false,
      known: state.broker !== null,
    },
  };
  return [...services, broker];
}

function publishEdges(state: FlowInput, topics: TopicView[]): MessageFlowEdge[] {
  return topics.flatMap(({ topic, publisher }) => {
    // Only services drawn on the canvas get an edge; React Flow rejects edges to missing nodes.
    if (!publisher || !SERVICE_ORDER.includes(publisher)) return [];
    const pending = outboxView(table(state, publisher, 'outbox')).pending;
    const down = isDown(state.processes[publisher]) || isDown(state.processes.broker);
    const tone = down ? 'down' : pending > 0 ? 'busy' : 'idle';
    return [
      {
        id: `publish:${publisher}:${topic}`,
        type: 'message',
        source: publisher,
        sourceHandle: handleIds.servicePub,
        target: BROKER_ID,
        targetHandle: handleIds.brokerIn(publisher),
        markerEnd: arrow(tone),
        data: {
          lines: [{ text: topic, strong: true }, { text: `${pending} pending` }],
          tone,
          pulse: state.activity.services[publisher]?.published ?? 0,
          labelAt: 0.25,
        },
      },
    ];
  });
}

function deliveryEdges(state: FlowInput, topics: TopicView[]): MessageFlowEdge[] {
  return SERVICE_ORDER.flatMap((service) => {
    const subscriptions = subscriptionsOf(topics, service);
    if (subscriptions.length === 0) return [];
    const inflight = subscriptions.reduce((n, s) => n + s.consumer.inflight, 0);
    const lag = subscriptions.reduce((n, s) => n + s.consumer.lag, 0);
    const down = isDown(state.processes[service]) || isDown(state.processes.broker);
    const tone = down ? 'down' : lag > 0 || inflight > 0 ? 'busy' : 'idle';
    // Topics nothing was ever written to (say, orchestration commands in a choreography run) stay off the label.
    const used = subscriptions.filter((s) => s.records > 0);
    const lines: EdgeLine[] = used.length
      ? [
          { text: 'lag · in flight', muted: true },
          ...used.map(({ topic, consumer }) => ({
            text: topic,
            value: `${consumer.lag} · ${consumer.inflight}`,
          })),
        ]
      : [{ text: 'no records yet', muted: true }];
    return [
      {
        id: `deliver:${service}`,
        type: 'message',
        source: BROKER_ID,
        sourceHandle: handleIds.brokerOut(service),
        target: service,
        targetHandle: handleIds.serviceSub,
        animated: inflight > 0 && !down,
        markerEnd: arrow(tone),
        data: {
          lines,
          tone,
          pulse: state.activity.services[service]?.delivered ?? 0,
          labelAt: 0.38,
        },
      },
    ];
  });
}

export function toFlow(state: FlowInput): { nodes: FlowNode[]; edges: MessageFlowEdge[] } {
  const topics = topicViews(state.broker);
  return {
    nodes: nodes(state, topics),
    edges: [...publishEdges(state, topics), ...deliveryEdges(state, topics)],
  };
}
