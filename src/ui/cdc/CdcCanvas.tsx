// The CDC run's canvas: React Flow renders what toCdcFlow derives from the
// facts. Nodes are fixed in place; the view fits them once and again whenever
// the canvas changes size (window, error banner).

import { ReactFlow, useReactFlow, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MessageEdge } from '../canvas/MessageEdge';
import { useCdc } from './CdcContext';
import { CdcBrokerNode } from './nodes/CdcBrokerNode';
import { ConnectorNode } from './nodes/ConnectorNode';
import { ListingsNode } from './nodes/ListingsNode';
import { QueryNode } from './nodes/QueryNode';
import { toCdcFlow } from './toCdcFlow';

// Module level: new objects on each render would make React Flow remount every node (xyflow error002).
const nodeTypes: NodeTypes = {
  listings: ListingsNode,
  connector: ConnectorNode,
  cdcBroker: CdcBrokerNode,
  query: QueryNode,
} as NodeTypes;
const edgeTypes: EdgeTypes = { message: MessageEdge } as EdgeTypes;

const FIT = { padding: '10px' } as const;

function Refit({ target }: { target: RefObject<HTMLDivElement | null> }) {
  const flow = useReactFlow();
  useEffect(() => {
    const element = target.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => void flow.fitView(FIT));
    observer.observe(element);
    return () => observer.disconnect();
  }, [flow, target]);
  return null;
}

export function CdcCanvas() {
  const slices = useCdc(
    useShallow((s) => ({
      processes: s.processes,
      listings: s.listings,
      changes: s.changes,
      connector: s.connector,
      docs: s.docs,
      snapshot: s.snapshot,
      traffic: s.traffic,
    })),
  );
  const { nodes, edges } = useMemo(() => toCdcFlow(slices), [slices]);
  const container = useRef<HTMLDivElement>(null);
  return (
    <div className="canvas cdc-canvas" aria-label="Listings, connector, broker and query" ref={container}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        fitView
        fitViewOptions={FIT}
        minZoom={0.3}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
      >
        <Refit target={container} />
      </ReactFlow>
    </div>
  );
}
