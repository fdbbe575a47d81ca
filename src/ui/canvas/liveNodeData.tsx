// Each canvas node's data in a small store beside React Flow's, read by that
// node alone. Handed new node objects, React Flow runs its whole store again
// (every node looked up, every edge re-routed); a node's own selector
// re-renders that one node. React Flow keeps the nodes' places and sizes,
// which change only when the layout does; toFlow still derives everything.

import type { Edge, Node, NodeProps } from '@xyflow/react';
import { createContext, memo, useContext, type ComponentType } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { FixedFlow, type FixedFlowProps } from './FixedFlow';

/** Node id → the data its node shows now. */
export type NodeDataStore = StoreApi<Readonly<Record<string, unknown>>>;

export const createNodeDataStore = (): NodeDataStore => createStore(() => ({}));

/** Outside a live canvas the store stays empty and a node shows the data React Flow gave it. */
export const NodeDataContext = createContext<NodeDataStore>(createNodeDataStore());

/** `Node`, showing its data as the canvas's store has it (as React Flow's node has it until the store does). */
export function withLiveData<P extends NodeProps>(Node: ComponentType<P>): ComponentType<P> {
  function LiveNode(props: P) {
    const live = useStore(useContext(NodeDataContext), (s) => s[props.id]);
    return <Node {...props} data={live ?? props.data} />;
  }
  LiveNode.displayName = `Live(${Node.displayName ?? Node.name})`;
  return memo(LiveNode) as unknown as ComponentType<P>;
}

/** A FixedFlow whose nodes (made withLiveData) read their data from `store`. */
export function LiveFixedFlow<N extends Node, E extends Edge>({
  store,
  ...flow
}: FixedFlowProps<N, E> & { store: NodeDataStore }) {
  return (
    <NodeDataContext.Provider value={store}>
      <FixedFlow {...flow} />
    </NodeDataContext.Provider>
  );
}
