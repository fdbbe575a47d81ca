// The data each CDC node receives from toCdcFlow: plain values only, so nodes
// render from their props and toCdcFlow stays testable without React.

import type { Node } from '@xyflow/react';
import type { ListingRow, SearchDocRow } from '../../runtime/cdcController';
import type { ProcessState } from '../store/types';
import type { ChangeLogView } from './changeLogView';
import type { ConnectorView } from './connectorView';
import type { HistoryView } from './historyView';

export type ListingsNodeData = {
  process: ProcessState;
  /** The most recently written listings, newest first. */
  rows: ListingRow[];
  /** null until the table was first read. */
  total: number | null;
  log: ChangeLogView;
  /** The presenter's compact node (cdcLayout.ts COMPACT): its rows are those that fit, long values wrap. */
  compact: boolean;
};

export type ConnectorNodeData = { process: ProcessState; view: ConnectorView; compact: boolean };

export type BrokerNodeData = {
  process: ProcessState;
  topic: string;
  /** Change events the connector published to the topic (acknowledged by the broker), duplicates included. */
  received: number;
  duplicates: number;
  compact: boolean;
};

export type QueryNodeData = {
  process: ProcessState;
  /** The most recently applied documents, newest first. */
  docs: SearchDocRow[];
  total: number | null;
  applied: number;
  duplicatesSkipped: number;
  stale: number;
  /** The listings' history kept beside the documents; null until first read. */
  history: HistoryView | null;
  compact: boolean;
};

export type CdcFlowNode =
  | Node<ListingsNodeData, 'listings'>
  | Node<ConnectorNodeData, 'connector'>
  | Node<BrokerNodeData, 'cdcBroker'>
  | Node<QueryNodeData, 'query'>;

export type NodeOf<T extends CdcFlowNode['type']> = Extract<CdcFlowNode, { type: T }>;
