// What React Flow draws of a canvas update: its nodes only while the layout
// stays (their data goes through the canvas's NodeDataStore, so one node's
// new data re-renders that node alone), and the edges. While the canvas
// summarises heavy traffic an update goes on show a few pieces per animation
// frame (stagger.ts), round-robin: a node's data, or the edges; otherwise
// whole, as it comes, before the browser paints it.

import type { Edge, Node } from '@xyflow/react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { NodeDataStore } from './liveNodeData';
import { nextPiece, sameFrame } from './stagger';

/**
 * Pieces put on show per frame. One: at two, a frame's main-thread work was up to 15 ms of CPU, which on a 2-core
 * machine under full load (the main thread waits its turn among the workers) took 50–75 ms. Three alternating
 * 20-second runs at 70 orders/s each: longest task 0, 0 and 50 ms at one piece against 75, 67 and 52 at two;
 * frames over 25 ms 27–70 of 860–941 against 54–127 of 808–907. A round of six nodes and the edges still ends
 * before the next summary a quarter second later.
 */
const PIECES_PER_FRAME = 1;

const dataById = (nodes: readonly Node[]) => Object.fromEntries(nodes.map((n) => [n.id, n.data]));

export function useLiveFlow<N extends Node, E extends Edge>(
  flow: { nodes: N[]; edges: E[] },
  store: NodeDataStore,
  stagger: boolean,
): { nodes: N[]; edges: E[] } {
  // React Flow is given new nodes only when the layout changes (set during render: React's pattern for it).
  const [frame, setFrame] = useState(flow.nodes);
  if (!sameFrame(frame, flow.nodes)) setFrame(flow.nodes);
  // The edges on show while staggering: as they were when it began, then as each round puts them on.
  const [staggered, setStaggered] = useState<E[] | null>(null);
  if (stagger !== (staggered !== null)) setStaggered(stagger ? flow.edges : null);
  const edges = stagger ? (staggered ?? flow.edges) : flow.edges;
  const shownEdges = useRef(edges);
  const shownFrame = useRef<N[] | null>(null);
  const cursor = useRef(0);

  // Whole: no heavy traffic to spread, or a new layout (its nodes come with their data).
  useLayoutEffect(() => {
    shownEdges.current = edges;
    const newFrame = shownFrame.current !== frame;
    shownFrame.current = frame;
    if (!stagger || newFrame) store.setState(dataById(flow.nodes), true);
  }, [stagger, frame, edges, flow, store]);

  useEffect(() => {
    if (!stagger) return;
    const ids = flow.nodes.map((n) => n.id);
    let frameId = 0;
    const step = () => {
      const shown = store.getState();
      const nodes: Record<string, unknown> = {};
      let edgesDue = false;
      let taken = 0;
      const differs = (p: number) =>
        p === ids.length
          ? !edgesDue && shownEdges.current !== flow.edges
          : !(ids[p] in nodes) && shown[ids[p]] !== flow.nodes[p].data;
      for (; taken < PIECES_PER_FRAME; taken++) {
        const piece = nextPiece(ids.length + 1, cursor.current, differs);
        if (piece === null) break;
        cursor.current = piece + 1;
        if (piece === ids.length) edgesDue = true;
        else nodes[ids[piece]] = flow.nodes[piece].data;
      }
      if (taken === 0) return;
      if (edgesDue) {
        shownEdges.current = flow.edges;
        setStaggered(flow.edges);
      }
      store.setState(nodes);
      frameId = requestAnimationFrame(step);
    };
    frameId = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frameId);
  }, [stagger, flow, store]);

  return { nodes: frame, edges };
}
