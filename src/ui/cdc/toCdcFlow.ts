// Pure derivation of the CDC canvas from the page's facts: four fixed boxes
// (cdcLayout.ts) filled with their view models, and three edges whose tone says
// whether anything waits on them and whose pulse grows with each report of
// change events moving along them.

import { MarkerType } from '@xyflow/react';
import type { FlowEdgeData, MessageFlowEdge } from '../canvas/flowTypes';
import { isDown } from '../store/processes';
import type { CdcData } from './cdcState';
import { count } from './cdcFormat';
import type { CdcFlowNode } from './cdcFlowTypes';
import { BOXES, handleIds, HANDLES, type Box } from './cdcLayout';
import { changeLogView } from './changeLogView';
import { connectorView } from './connectorView';

export const CDC_TOPIC = 'listings.listings';
/** Body rows each table shows: enough to watch a batch go by, few enough to fit the node at a readable size. */
export const LISTING_ROWS = 10;
export const LOG_ROWS = 17;
export const DOC_ROWS = 20;

export type CdcFlowInput = Pick<
  CdcData,
  'processes' | 'listings' | 'changes' | 'connector' | 'docs' | 'snapshot' | 'traffic'
>;

// React Flow gives unselectable, undraggable nodes pointer-events: none; ours hold buttons and a search box.
const INTERACTIVE = { pointerEvents: 'all' } as const;

/** A fixed box: React Flow is told its size up front, so it never measures or moves it. */
function box({ x, y, w, h }: Box) {
  return {
    position: { x, y },
    width: w,
    height: h,
    measured: { width: w, height: h },
    draggable: false,
    style: INTERACTIVE,
  };
}

const newestFirst = <T>(rows: readonly T[], at: (row: T) => number, limit: number) =>
  [...rows].sort((a, b) => at(b) - at(a)).slice(0, limit);

function nodes(s: CdcFlowInput): CdcFlowNode[] {
  const position = s.connector?.sources.find((x) => x.service === 'listings')?.position.seq ?? null;
  const log = changeLogView(s.changes, LOG_ROWS, position);
  const view = connectorView(s.connector, { listings: log.head }, s.snapshot);
  return [
    {
      id: 'listings',
      type: 'listings',
      ...box(BOXES.listings),
      handles: HANDLES.listings,
      data: {
        process: s.processes.listings,
        rows: newestFirst(s.listings ?? [], (r) => r.updated_at, LISTING_ROWS),
        total: s.listings?.length ?? null,
        log,
      },
    },
    {
      id: 'connector',
      type: 'connector',
      ...box(BOXES.connector),
      handles: HANDLES.connector,
      data: { process: s.processes.connector, view },
    },
    {
      id: 'broker',
      type: 'cdcBroker',
      ...box(BOXES.broker),
      handles: HANDLES.broker,
      data: {
        process: s.processes.broker,
        topic: CDC_TOPIC,
        received: view.published,
        duplicates: view.duplicates,
      },
    },
    {
      id: 'query',
      type: 'query',
      ...box(BOXES.query),
      handles: HANDLES.query,
      data: {
        process: s.processes.query,
        docs: newestFirst(s.docs ?? [], (d) => d.sourceSeq, DOC_ROWS),
        total: s.docs?.length ?? null,
        applied: s.traffic.applied,
        duplicatesSkipped: s.traffic.duplicatesSkipped,
        stale: s.traffic.stale,
      },
    },
  ];
}

/** Arrow colours: the same as the .message-edge.tone-* strokes in styles/edges.css. */
const TONE_COLORS: Record<FlowEdgeData['tone'], string> = {
  idle: '#1f2937',
  busy: '#b45309',
  down: '#9ca3af',
  quiet: '#cbd5e1',
};

function edge(id: string, source: string, target: string, data: FlowEdgeData): MessageFlowEdge {
  return {
    id,
    source,
    target,
    sourceHandle: handleIds.out,
    targetHandle: handleIds.in,
    type: 'message',
    data,
    markerEnd: { type: MarkerType.ArrowClosed, color: TONE_COLORS[data.tone], width: 18, height: 18 },
  };
}

function edges(s: CdcFlowInput, lag: number): MessageFlowEdge[] {
  const down = (...ps: (keyof CdcFlowInput['processes'])[]) => ps.some((p) => isDown(s.processes[p]));
  const tone = (ends: (keyof CdcFlowInput['processes'])[], busy: boolean): FlowEdgeData['tone'] =>
    down(...ends) ? 'down' : busy ? 'busy' : 'idle';
  const published = s.connector?.published ?? 0;
  const duplicates = s.connector?.duplicates ?? 0;
  const publishLines: FlowEdgeData['lines'] = [
    { text: 'publish', strong: true, value: count(published) },
    { text: CDC_TOPIC, muted: true },
    ...(duplicates > 0 ? [{ text: 'again after restart', value: count(duplicates) }] : []),
  ];
  return [
    // The connector reads the log; the dot runs as each batch it read goes out.
    edge('log', 'listings', 'connector', {
      lines: [],
      tone: tone(['listings', 'connector'], lag > 0),
      pulse: s.traffic.publishes,
      labelAt: 0.5,
    }),
    edge('publish', 'connector', 'broker', {
      lines: publishLines,
      tone: tone(['connector', 'broker'], lag > 0),
      pulse: s.traffic.publishes,
      labelAt: 0.5,
    }),
    edge('deliver', 'broker', 'query', {
      lines: [],
      tone: tone(['broker', 'query'], false),
      pulse: s.traffic.applies,
      labelAt: 0.5,
    }),
  ];
}

export function toCdcFlow(s: CdcFlowInput): { nodes: CdcFlowNode[]; edges: MessageFlowEdge[] } {
  const list = nodes(s);
  const connector = list.find((n) => n.type === 'connector');
  const lag =
    connector?.type === 'connector' ? Math.max(0, ...connector.data.view.sources.map((x) => x.lag)) : 0;
  return { nodes: list, edges: edges(s, lag) };
}
