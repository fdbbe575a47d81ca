// The live canvas: React Flow renders what toFlow derives from the store.
// Nodes are fixed in place; the view fits them once and again on resize.

import { ReactFlow, useReactFlow, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useDeferredValue, useEffect, useMemo, useRef, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { approachOf } from '../approach';
import { useController } from '../controls/ControllerContext';
import { usePlayground } from '../store/hooks';
import { BrokerNode } from './BrokerNode';
import { MessageEdge } from './MessageEdge';
import { OrchestratorNode } from './OrchestratorNode';
import { ServiceNode } from './ServiceNode';
import { toFlow } from './toFlow';

// Module level: new objects on each render would make React Flow remount every node (xyflow error002).
const nodeTypes: NodeTypes = {
  service: ServiceNode,
  broker: BrokerNode,
  orchestrator: OrchestratorNode,
} as NodeTypes;
const edgeTypes: EdgeTypes = { message: MessageEdge } as EdgeTypes;

const FIT = { padding: '10px' } as const;

/**
 * Keeps everything in view whenever the canvas changes size (window, side panel,
 * error banner) and when the node set grows: the orchestrator's row appears only
 * once the run reports it, after the first fit.
 */
function Refit({ target, nodeCount }: { target: RefObject<HTMLDivElement | null>; nodeCount: number }) {
  const flow = useReactFlow();
  useEffect(() => {
    const element = target.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => void flow.fitView(FIT));
    observer.observe(element);
    return () => observer.disconnect();
  }, [flow, target]);
  useEffect(() => {
    // The new node must be in React Flow's store before fitting, hence the frame.
    const id = requestAnimationFrame(() => void flow.fitView(FIT));
    return () => cancelAnimationFrame(id);
  }, [flow, nodeCount]);
  return null;
}

export function FlowCanvas() {
  const slices = usePlayground(
    useShallow((s) => ({ mirror: s.mirror, trims: s.trims, summarising: s.summarising, processes: s.processes, broker: s.broker, activity: s.activity })),
  );
  const controller = useController();
  // A run's approach is fixed when it starts (switching loads a fresh run), so one read is enough.
  const approach = useMemo(() => approachOf(controller), [controller]);
  // Read at each render: a script may have changed it with configure() since the run started.
  const publishedOutboxMs = controller.config?.retention?.publishedOutboxMs ?? null;
  // Rendered at low priority: React may split a big canvas update into slices and keep input responsive.
  const deferred = useDeferredValue(slices);
  const { nodes, edges } = useMemo(() => toFlow(deferred, approach, { publishedOutboxMs }), [deferred, approach, publishedOutboxMs]);
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
        <Refit target={container} nodeCount={nodes.length} />
      </ReactFlow>
    </div>
  );
}
