// The live canvas: React Flow renders what toFlow derives from the store.
// Nodes are fixed in place; the view fits them once and again on resize.

import { ReactFlow, useReactFlow, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../store/hooks';
import { BrokerNode } from './BrokerNode';
import { MessageEdge } from './MessageEdge';
import { ServiceNode } from './ServiceNode';
import { toFlow } from './toFlow';

// Module level: new objects on each render would make React Flow remount every node (xyflow error002).
const nodeTypes: NodeTypes = { service: ServiceNode, broker: BrokerNode } as NodeTypes;
const edgeTypes: EdgeTypes = { message: MessageEdge } as EdgeTypes;

const FIT = { padding: '10px' } as const;

/** Keeps everything in view whenever the canvas changes size (window, side panel, error banner). */
function RefitOnResize({ target }: { target: RefObject<HTMLDivElement | null> }) {
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

export function FlowCanvas() {
  const slices = usePlayground(
    useShallow((s) => ({ mirror: s.mirror, processes: s.processes, broker: s.broker, activity: s.activity })),
  );
  const { nodes, edges } = useMemo(() => toFlow(slices), [slices]);
  const container = useRef<HTMLDivElement>(null);
  return (
    <div className="canvas" aria-label="Services and broker" ref={container}>
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
        <RefitOnResize target={container} />
      </ReactFlow>
    </div>
  );
}
