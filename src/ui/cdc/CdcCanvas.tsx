// The CDC run's canvas: React Flow renders what toCdcFlow derives from the
// facts. Nodes are fixed in place; the view fits them once and again whenever
// the canvas changes size (window, error banner). Shown to a room (presenter
// mode) it is locked and compact: the compact geometry, in projector type.

import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { useMemo } from 'react';
import { FixedFlow } from '../canvas/FixedFlow';
import { useShallow } from 'zustand/react/shallow';
import { MessageEdge } from '../canvas/MessageEdge';
import { usePresent } from '../page/presentContext';
import { useCdc } from './CdcContext';
import { CdcBrokerNode } from './nodes/CdcBrokerNode';
import { ConnectorNode } from './nodes/ConnectorNode';
import { ListingsNode } from './nodes/ListingsNode';
import { QueryNode } from './nodes/QueryNode';
import { toCdcFlow } from './toCdcFlow';
import '../styles/canvasCompact.css';

// Module level: new objects on each render would make React Flow remount every node (xyflow error002).
const nodeTypes: NodeTypes = {
  listings: ListingsNode,
  connector: ConnectorNode,
  cdcBroker: CdcBrokerNode,
  query: QueryNode,
} as NodeTypes;
const edgeTypes: EdgeTypes = { message: MessageEdge } as EdgeTypes;

export function CdcCanvas() {
  const slices = useCdc(
    useShallow((s) => ({
      processes: s.processes,
      listings: s.listings,
      changes: s.changes,
      connector: s.connector,
      docs: s.docs,
      history: s.history,
      snapshot: s.snapshot,
      traffic: s.traffic,
    })),
  );
  const present = usePresent();
  const { nodes, edges } = useMemo(() => toCdcFlow(slices, { compact: present }), [slices, present]);
  return (
    <FixedFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      className={present ? 'canvas cdc-canvas canvas-compact' : 'canvas cdc-canvas'}
      label="Listings, connector, broker and query"
      locked={present}
    />
  );
}
