// The live canvas: React Flow renders what toFlow derives from the store.
// Nodes are fixed in place; the view fits them once and again on resize.

import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { useDeferredValue, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApproach } from '../useApproach';
import { useController } from '../controls/ControllerContext';
import { usePlayground } from '../store/hooks';
import { BrokerNode } from './BrokerNode';
import { MessageEdge } from './MessageEdge';
import { OrchestratorNode } from './OrchestratorNode';
import { ServiceNode } from './ServiceNode';
import { toFlow } from './toFlow';
import { createNodeDataStore, LiveFixedFlow, withLiveData } from './liveNodeData';
import { LoadNotice } from './LoadNotice';
import { useLiveFlow } from './useLiveFlow';
import type { ServiceName } from '../../core/rows';

// Module level: new objects on each render would make React Flow remount every node (xyflow error002).
// Each reads its data from the canvas's NodeDataStore (liveNodeData.tsx).
const nodeTypes: NodeTypes = {
  service: withLiveData(ServiceNode),
  broker: withLiveData(BrokerNode),
  orchestrator: withLiveData(OrchestratorNode),
} as NodeTypes;
const edgeTypes: EdgeTypes = { message: MessageEdge } as EdgeTypes;

/**
 * `compact`: the presenter's layout, which fits a projector with larger type. `loadNotice`: say over the canvas's
 * top edge when it summarises heavy traffic; a page with a timeline says it in the timeline's head instead (there it
 * hides no node's title).
 */
export function FlowCanvas({
  compact = false,
  loadNotice = true,
}: {
  compact?: boolean;
  loadNotice?: boolean;
}) {
  const slices = usePlayground(
    useShallow((s) => ({
      mirror: s.mirror,
      trims: s.trims,
      summarising: s.summarising,
      processes: s.processes,
      broker: s.broker,
      activity: s.activity,
      anomalies: s.anomalies,
    })),
  );
  const controller = useController();
  // Its ordering and publishing are fixed when it starts (switching loads a fresh run); its guards may flip live.
  const approach = useApproach();
  // Read at each render: a script may have changed it with configure() since the run started.
  const publishedOutboxMs = controller.config?.retention?.publishedOutboxMs ?? null;
  // Rendered at low priority: React may split a big canvas update into slices and keep input responsive.
  const deferred = useDeferredValue(slices);
  const own = useOwnServices();
  const flow = useMemo(
    () => toFlow(deferred, approach, { publishedOutboxMs, compact, own }),
    [deferred, approach, publishedOutboxMs, compact, own],
  );
  const [store] = useState(createNodeDataStore);
  // Under load a piece at a time: every node's tables laid out and painted at once take more than a frame.
  const { nodes, edges } = useLiveFlow(flow, store, deferred.summarising);
  return (
    <LiveFixedFlow
      store={store}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      className={compact ? 'canvas canvas-compact' : 'canvas'}
      label="Services and broker"
      locked={compact}
    >
      {loadNotice && <LoadNotice className="load-badge" />}
    </LiveFixedFlow>
  );
}

/**
 * On a workshop attendee's page, the services this browser runs (drawn wide); none elsewhere. Kept as one
 * string in the store's selector, so a heartbeat that changes nobody's seat does not redraw the canvas.
 */
function useOwnServices(): readonly ServiceName[] {
  const own = usePlayground((s) =>
    (s.workshop?.services ?? [])
      .filter((p) => p.presence === 'here')
      .map((p) => p.service)
      .join(','),
  );
  return useMemo(() => (own ? (own.split(',') as ServiceName[]) : []), [own]);
}
