// Pure derivation of the message edges: one publish edge per topic a service
// writes (the orchestrator's four command topics share one), and one delivery
// edge per consumer group, labelled with its lag and messages in flight.

import { MarkerType, type EdgeMarker } from '@xyflow/react';
import type { ServiceName } from '../../core/rows';
import { aggregateTypeOf, isCommandTopic } from '../../core/service/topics';
import { DEFAULT_APPROACH, hasEvents, type Approach } from '../approach';
import { isOrchestrated, logTailOf, outboxView, processOf, table } from '../store/selectors';
import { isDown } from '../store/processes';
import type { PlaygroundData } from '../store/types';
import { subscriptionsOf, type Subscription, type TopicView } from './brokerView';
import type { EdgeLine, FlowEdgeData, MessageFlowEdge } from './flowTypes';
import { EDGE_GAP, handleIds, SERVICE_ORDER } from './layout';

/** An edge label's line height and its padding plus border, in flow px (styles/edges.css). */
const LABEL_LINE_H = 19;
const LABEL_CHROME_H = 10;

export type EdgeInput = Pick<PlaygroundData, 'mirror' | 'processes' | 'broker' | 'activity'> &
  Partial<Pick<PlaygroundData, 'summarising'>>;

export const BROKER_ID = 'broker';
export const ORCHESTRATOR_ID = 'orchestrator';

/** Arrow colours: the same as the .message-edge.tone-* strokes in styles/edges.css. */
const TONE_COLORS: Record<FlowEdgeData['tone'], string> = {
  idle: '#1f2937',
  busy: '#b45309',
  down: '#9ca3af',
  quiet: '#cbd5e1',
};

function arrow(tone: FlowEdgeData['tone']): EdgeMarker {
  return { type: MarkerType.ArrowClosed, color: TONE_COLORS[tone], width: 18, height: 18 };
}

export { isDown };

const eitherDown = (state: EdgeInput, service: ServiceName) =>
  isDown(processOf(state, service)) || isDown(state.processes.broker);

/** A dead end outranks a run without events, which outranks traffic. */
function toneOf(
  state: EdgeInput,
  service: ServiceName,
  approach: Approach,
  busy: boolean,
): FlowEdgeData['tone'] {
  if (eitherDown(state, service)) return 'down';
  if (!hasEvents(approach)) return 'quiet';
  return busy ? 'busy' : 'idle';
}

/** Publish labels lean a little left, away from the delivery label beside them. */
const PUBLISH_LABEL_DX = -5;

/**
 * A service's own command topic is labelled "commands": the full name would
 * widen its delivery label into its neighbours (the broker's table has it).
 */
const topicLabel = (topic: string, service: ServiceName) => {
  const type = aggregateTypeOf(topic);
  if (type?.toLowerCase() === `${service}command`) return 'commands';
  // `outbox.event.Payment` is as wide as two neighbours' labels: its type says which one it is.
  return topic.startsWith('outbox.event.') && type ? type : topic;
};

/** A publish edge's second line: what waits in the outbox, or, in dual write, what went without one. */
function publishDetail(
  state: EdgeInput,
  publisher: ServiceName,
  approach: Approach,
): { pending: number; line: EdgeLine } {
  if (!hasEvents(approach)) return { pending: 0, line: { text: '0 events', muted: true } };
  if (approach.publishing === 'dual-write') {
    const sent = state.activity.services[publisher]?.published ?? 0;
    return { pending: 0, line: { text: `${sent} sent, no outbox` } };
  }
  const pending = outboxView(table(state, publisher, 'outbox'), logTailOf(state, publisher)).pending;
  return { pending, line: { text: `${pending} pending` } };
}

function publishEdge(
  state: EdgeInput,
  publisher: ServiceName,
  topic: string,
  labelAt: number,
  labelDx = 0,
  approach: Approach = DEFAULT_APPROACH,
): MessageFlowEdge {
  const { pending, line } = publishDetail(state, publisher, approach);
  const tone = toneOf(state, publisher, approach, pending > 0);
  return {
    id: `publish:${publisher}:${topic}`,
    type: 'message',
    source: publisher,
    sourceHandle: handleIds.servicePub,
    target: BROKER_ID,
    targetHandle: handleIds.brokerIn(publisher),
    markerEnd: arrow(tone),
    data: {
      lines: [{ text: topic, strong: true }, line],
      tone,
      pulse: state.activity.services[publisher]?.published ?? 0,
      still: state.summarising,
      labelAt,
      labelDx,
    },
  };
}

function deliveryLines(approach: Approach, service: ServiceName, used: Subscription[]): EdgeLine[] {
  if (!hasEvents(approach)) return [{ text: '0 events', muted: true }];
  if (used.length === 0) return [{ text: 'no records yet', muted: true }];
  return [
    { text: 'lag · in flight', muted: true },
    ...used.map(({ topic, consumer }) => ({
      text: topicLabel(topic, service),
      value: `${consumer.lag} · ${consumer.inflight}`,
    })),
  ];
}

function deliveryEdge(
  state: EdgeInput,
  topics: TopicView[],
  service: ServiceName,
  labelAt: number,
  approach: Approach = DEFAULT_APPROACH,
  compact = false,
) {
  const subscriptions = subscriptionsOf(topics, service);
  if (subscriptions.length === 0) return [];
  const inflight = subscriptions.reduce((n, s) => n + s.consumer.inflight, 0);
  const lag = subscriptions.reduce((n, s) => n + s.consumer.lag, 0);
  const down = eitherDown(state, service);
  const tone = toneOf(state, service, approach, lag > 0 || inflight > 0);
  // Topics nothing was ever written to (say, orchestration commands in a choreography run) stay off the label.
  const used = subscriptions.filter((s) => s.records > 0);
  // The presenter's compact label is one line, its lag: the broker's table beneath names each topic's groups.
  const lines =
    compact && hasEvents(approach) && used.length > 0
      ? [{ text: 'lag', value: String(lag) }]
      : deliveryLines(approach, service, used);
  // A taller label (an orchestrated run adds the command topic) moves up just enough to clear the broker.
  const clear = (lines.length * LABEL_LINE_H + LABEL_CHROME_H) / 2 + 3;
  const at = Math.max(labelAt, clear / EDGE_GAP);
  const edge: MessageFlowEdge = {
    id: `deliver:${service}`,
    type: 'message',
    source: BROKER_ID,
    sourceHandle: handleIds.brokerOut(service),
    target: service,
    targetHandle: handleIds.serviceSub,
    // Marching dashes repaint the whole edge layer every frame: under load the label's numbers say it instead.
    animated: inflight > 0 && !down && !state.summarising,
    markerEnd: arrow(tone),
    data: {
      lines,
      tone,
      pulse: state.activity.services[service]?.delivered ?? 0,
      still: state.summarising,
      labelAt: at,
    },
  };
  return [edge];
}

/**
 * The orchestrator's two lines, labelled in two lines each so the gap beneath the
 * broker stays short: the topics one by one are in the broker's table.
 */
function orchestratorEdges(state: EdgeInput, topics: TopicView[], approach: Approach): MessageFlowEdge[] {
  const count = (commands: boolean) =>
    topics.filter((v) => isCommandTopic(v.topic) === commands && v.records > 0).length;
  const commands = publishEdge(state, 'orchestrator', '*-commands', 0.5, 0, approach);
  commands.data!.lines[0].text = `*-commands (${count(true)})`;
  const events = deliveryEdge(state, topics, 'orchestrator', 0.5, approach);
  for (const edge of events) {
    const subscriptions = subscriptionsOf(topics, 'orchestrator');
    const lag = subscriptions.reduce((n, s) => n + s.consumer.lag, 0);
    const inflight = subscriptions.reduce((n, s) => n + s.consumer.inflight, 0);
    edge.data!.lines = [
      { text: `*-events (${count(false)})`, strong: true },
      { text: 'lag · in flight', value: `${lag} · ${inflight}` },
    ];
  }
  return [commands, ...events];
}

/** Runs without events keep their edges, quiet and at 0, so the canvas shows that nothing flows rather than hiding where it would. */
export function flowEdges(
  state: EdgeInput,
  topics: TopicView[],
  approach: Approach = DEFAULT_APPROACH,
  compact = false,
): MessageFlowEdge[] {
  // Only services drawn on the canvas get an edge; React Flow rejects edges to missing nodes.
  const publish = topics.flatMap(({ topic, publisher }) =>
    publisher && SERVICE_ORDER.includes(publisher)
      ? [publishEdge(state, publisher, topic, 0.25, PUBLISH_LABEL_DX, approach)]
      : [],
  );
  const deliver = SERVICE_ORDER.flatMap((service) =>
    deliveryEdge(state, topics, service, 0.38, approach, compact),
  );
  if (!isOrchestrated(state) || !state.broker) return [...publish, ...deliver];
  return [...publish, ...deliver, ...orchestratorEdges(state, topics, approach)];
}
