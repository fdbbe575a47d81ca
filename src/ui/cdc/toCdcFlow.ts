// Pure derivation of the CDC canvas from the page's facts: four fixed boxes
// (cdcLayout.ts) filled with their view models, and three edges whose tone says
// whether anything waits on them and whose pulse grows with each report of
// change events moving along them. In presenter mode (`compact`) the boxes are
// the compact geometry's and each table holds as many of its newest rows as
// fit its lines of projector type.

import { MarkerType } from '@xyflow/react';
import type { FlowEdgeData, MessageFlowEdge } from '../canvas/flowTypes';
import { isDown } from '../store/processes';
import type { CdcData } from './cdcState';
import { count, listingLine } from './cdcFormat';
import type { CdcFlowNode } from './cdcFlowTypes';
import { geometryOf, handleIds, type Box, type CdcGeometry } from './cdcLayout';
import { changeLogView, type ChangeLogView } from './changeLogView';
import { rowsThatFit, wrappedLines } from './compactRows';
import { connectorView } from './connectorView';
import { historyView } from './historyView';

export const CDC_TOPIC = 'listings.listings';
/** Body rows each table shows: enough to watch a batch go by, few enough to fit the node at a readable size. */
export const LISTING_ROWS = 10;
export const LOG_ROWS = 17;
export const DOC_ROWS = 20;

export type CdcFlowInput = Pick<
  CdcData,
  'processes' | 'listings' | 'changes' | 'connector' | 'docs' | 'history' | 'snapshot' | 'traffic'
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

/** The compact tables' rows: the newest that fit their lines, a long value wrapping over two or three. */
function compactRows(
  s: CdcFlowInput,
  log: ChangeLogView,
  { lines, chars }: NonNullable<CdcGeometry['compact']>,
) {
  const listings = newestFirst(s.listings ?? [], (r) => r.updated_at, lines.listings);
  const docs = newestFirst(s.docs ?? [], (d) => d.sourceSeq, lines.docs);
  return {
    listings: rowsThatFit(listings, (r) => wrappedLines(r.title, chars.title), lines.listings),
    log: { ...log, rows: rowsThatFit(log.rows, (r) => wrappedLines(r.diff, chars.diff), lines.log) },
    docs: rowsThatFit(docs, (d) => wrappedLines(listingLine(d), chars.doc), lines.docs),
  };
}

function nodes(s: CdcFlowInput, geometry: CdcGeometry): CdcFlowNode[] {
  const { boxes, handles, compact } = geometry;
  const position = s.connector?.sources.find((x) => x.service === 'listings')?.position.seq ?? null;
  const log = changeLogView(s.changes, compact ? compact.lines.log : LOG_ROWS, position);
  const view = connectorView(s.connector, { listings: log.head }, s.snapshot);
  const rows = compact
    ? compactRows(s, log, compact)
    : {
        listings: newestFirst(s.listings ?? [], (r) => r.updated_at, LISTING_ROWS),
        log,
        docs: newestFirst(s.docs ?? [], (d) => d.sourceSeq, DOC_ROWS),
      };
  const isCompact = compact !== undefined;
  return [
    {
      id: 'listings',
      type: 'listings',
      ...box(boxes.listings),
      handles: handles.listings,
      data: {
        process: s.processes.listings,
        rows: rows.listings,
        total: s.listings?.length ?? null,
        log: rows.log,
        compact: isCompact,
      },
    },
    {
      id: 'connector',
      type: 'connector',
      ...box(boxes.connector),
      handles: handles.connector,
      data: { process: s.processes.connector, view, compact: isCompact },
    },
    {
      id: 'broker',
      type: 'cdcBroker',
      ...box(boxes.broker),
      handles: handles.broker,
      data: {
        process: s.processes.broker,
        topic: CDC_TOPIC,
        received: view.published,
        duplicates: view.duplicates,
        compact: isCompact,
      },
    },
    {
      id: 'query',
      type: 'query',
      ...box(boxes.query),
      handles: handles.query,
      data: {
        process: s.processes.query,
        docs: rows.docs,
        compact: isCompact,
        total: s.docs?.length ?? null,
        applied: s.traffic.applied,
        duplicatesSkipped: s.traffic.duplicatesSkipped,
        stale: s.traffic.stale,
        history: historyView(s.history),
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

/** `compact`: the presenter's geometry (cdcLayout.ts COMPACT). */
export function toCdcFlow(
  s: CdcFlowInput,
  { compact = false }: { compact?: boolean } = {},
): { nodes: CdcFlowNode[]; edges: MessageFlowEdge[] } {
  const list = nodes(s, geometryOf(compact));
  const connector = list.find((n) => n.type === 'connector');
  const lag =
    connector?.type === 'connector' ? Math.max(0, ...connector.data.view.sources.map((x) => x.lag)) : 0;
  return { nodes: list, edges: edges(s, lag) };
}
