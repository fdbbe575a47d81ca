// The data each custom node and edge receives from toFlow. Plain values only,
// so nodes render from their props and toFlow stays testable without React.

import type { RelayStats } from '../../core/service/relayMeter';
import type { Edge, Node } from '@xyflow/react';
import type { Row, ServiceName } from '../../core/rows';
import type { LogTail, OutboxView } from '../store/selectors';
import type { ProcessState } from '../store/types';
import type { TopicView } from './brokerView';
import type { ServiceColumns } from './layout';
import type { LowerSection } from './sections';
import type { RowMark } from './rowMarks';

export interface BusinessTable {
  table: string;
  total: number;
  rows: Row[];
  /** Body rows shown, blank ones included, so the node keeps its height as rows arrive. */
  slots: number;
  /** By row id, the rows that matter more than the newest (pinned first in `rows`): named by an anomaly, or a duplicate. */
  marks: Readonly<Record<string, RowMark>>;
  /** How many of them are duplicates. */
  duplicates: number;
}

export type ServiceNodeData = {
  service: ServiceName;
  process: ProcessState;
  business: BusinessTable[];
  outbox: OutboxView;
  /** The change log its log-tailing relay reads (null when its relay polls the outbox). */
  logTail: LogTail | null;
  /** The relay's figures as it last reported them. */
  relay: RelayStats | null;
  inbox: {
    /** False when the run has the inbox switched off. */
    on: boolean;
    processed: number;
    duplicatesSkipped: number;
    lateRefused: number;
    lastRefusal: string | null;
  };
  /** False when payment's charges carry no idempotency key the service checks. */
  idempotencyKeys: boolean;
  handlerFailures: number;
  /** What fills the node beneath its business tables in this run's approach. */
  lower: LowerSection;
  /** The presenter's compact node: its tables folded to counts and the rows that matter. */
  compact?: boolean;
  /** False when the compact node has no room for its relay's line. */
  relayLine?: boolean;
  /** The compact node's outbox (and change log) rows; absent, the full node's. */
  outboxRows?: number;
  /** The compact node keeps a spare line for its outbox caption to break onto (layout.ts). */
  captionWraps?: boolean;
};

/** The orchestrator: a service whose business table is its sagas. */
export type OrchestratorNodeData = ServiceNodeData & {
  /** Sagas parked as STUCK, waiting for an operator. */
  stuck: number;
  /** Refusals of late commands the sagas recorded (semantic locks at work). */
  refused: number;
};

export type BrokerNodeData = {
  process: ProcessState;
  /** Whether the orchestrator sits beneath the broker (its lines attach to the broker's bottom edge). */
  orchestrated: boolean;
  topics: TopicView[];
  deadLetters: number;
  paused: boolean;
  /** False until the broker has reported stats once. */
  known: boolean;
  /** Why the log stays empty in a run without events; null when events flow through it. */
  quiet: string | null;
  /** What the retention settings keep, in words (see brokerView.ts); null until known. */
  retention: string | null;
  /** The presenter's compact broker: counts per topic and lag per group, in two tables of this many rows in all. */
  compactRows?: number;
  /** Where each service's column is (its lines attach under it): even, but on a workshop attendee's page. */
  columns?: ServiceColumns;
};

export type ServiceFlowNode = Node<ServiceNodeData, 'service'>;
export type OrchestratorFlowNode = Node<OrchestratorNodeData, 'orchestrator'>;
export type BrokerFlowNode = Node<BrokerNodeData, 'broker'>;
export type FlowNode = ServiceFlowNode | OrchestratorFlowNode | BrokerFlowNode;

export interface EdgeLine {
  text: string;
  strong?: boolean;
  muted?: boolean;
  /** Shown right-aligned after the text, e.g. "5 · 2" beside a topic. */
  value?: string;
}

export type FlowEdgeData = {
  lines: EdgeLine[];
  /**
   * busy: messages waiting (pending outbox rows, lag); down: an end of the edge is not running;
   * quiet: the run sends no events at all (direct calls, two-phase commit).
   */
  tone: 'idle' | 'busy' | 'down' | 'quiet';
  /** Grows with each published / delivered fact; the edge sends a dot along itself when it changes. */
  pulse: number;
  /** Under load the canvas summarises: no dots (they would run without pause and cost a repaint every frame). */
  still?: boolean;
  /** Where along the edge (0 = source, 1 = target) its label sits, so neighbouring labels never meet. */
  labelAt: number;
  /** Shifts the label sideways (flow px): a publish label leans away from its neighbouring delivery label. */
  labelDx?: number;
};

export type MessageFlowEdge = Edge<FlowEdgeData, 'message'>;
