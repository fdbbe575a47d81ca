// A React Flow view of nodes fixed in place: nothing to drag, connect, select
// or focus, and everything kept in view — fitted whenever the canvas changes
// size (window, side panel, error banner) and when the node set grows (the
// orchestrator's row appears only once the run reports it, after the first fit).
// The shop's canvas and the CDC page's both draw through it.

import {
  Controls,
  ReactFlow,
  useReactFlow,
  type FitViewOptions,
  type Edge,
  type EdgeTypes,
  type Node,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

// More room on the right: the last service's edge labels sit right of its edges, outside every node.
const FIT = { padding: { top: '10px', bottom: '10px', left: '10px', right: '30px' } } as const;
/** A locked canvas keeps its top strip for the fit control, clear of the first row's nodes. */
const LOCKED_FIT = { padding: { ...FIT.padding, top: '40px' } } as const;

function Refit({
  target,
  nodeCount,
  fit,
}: {
  target: RefObject<HTMLDivElement | null>;
  nodeCount: number;
  fit: FitViewOptions;
}) {
  const flow = useReactFlow();
  useEffect(() => {
    const element = target.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => void flow.fitView(fit));
    observer.observe(element);
    return () => observer.disconnect();
  }, [flow, target, fit]);
  useEffect(() => {
    // The new node must be in React Flow's store before fitting, hence the frame.
    const id = requestAnimationFrame(() => void flow.fitView(fit));
    return () => cancelAnimationFrame(id);
  }, [flow, nodeCount, fit]);
  return null;
}

/** Puts the canvas back as fitted: after a browser zoom, a resize the observer missed, or a stray gesture. */
function FitButton() {
  const flow = useReactFlow();
  return (
    <Controls showZoom={false} showInteractive={false} showFitView={false} position="top-left">
      <button
        type="button"
        className="btn btn-small canvas-fit nodrag nopan"
        onClick={() => void flow.fitView(LOCKED_FIT)}
        title="Fit the whole canvas in view"
      >
        Fit the canvas
      </button>
    </Controls>
  );
}

export interface FixedFlowProps<N extends Node, E extends Edge> {
  nodes: N[];
  edges: E[];
  /** Module-level objects: new ones on each render would make React Flow remount every node (xyflow error002). */
  nodeTypes: NodeTypes;
  edgeTypes: EdgeTypes;
  className: string;
  label: string;
  /** Drawn over the canvas (a status line), outside React Flow's pan and zoom. */
  children?: ReactNode;
  /**
   * A room's canvas (presenter mode): the wheel and a pinch do not zoom it, nothing pans it, and a
   * "Fit the canvas" button puts it back as fitted.
   */
  locked?: boolean;
}

export function FixedFlow<N extends Node, E extends Edge>({
  nodes,
  edges,
  nodeTypes,
  edgeTypes,
  className,
  label,
  children,
  locked = false,
}: FixedFlowProps<N, E>) {
  const container = useRef<HTMLDivElement>(null);
  return (
    <div className={className} aria-label={label} ref={container}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        fitView
        fitViewOptions={locked ? LOCKED_FIT : FIT}
        minZoom={0.3}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        zoomOnScroll={!locked}
        zoomOnPinch={!locked}
        zoomOnDoubleClick={!locked}
        panOnDrag={!locked}
        panOnScroll={false}
      >
        <Refit target={container} nodeCount={nodes.length} fit={locked ? LOCKED_FIT : FIT} />
        {locked && <FitButton />}
      </ReactFlow>
      {children}
    </div>
  );
}
