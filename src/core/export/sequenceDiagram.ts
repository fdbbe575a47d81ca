// A run as a Mermaid sequence diagram: each publish an arrow from its service
// to the broker, each consumption an arrow from the broker to the consumer,
// each crash a note, in time order. Pure: rows in, text out.

import { mermaidLabel } from './mermaidLabel';
import {
  DIAGRAM_SERVICES,
  timeline,
  type Participant,
  type TimelineInput,
  type TimelineItem,
} from './timeline';

/** Past a few hundred arrows Mermaid's layout is unreadable (and slow to render): the rest are counted in a note. */
export const DIAGRAM_LIMIT = 300;

export interface DiagramInput extends TimelineInput {
  limit?: number;
}

export function sequenceDiagram(input: DiagramInput): string {
  const limit = input.limit ?? DIAGRAM_LIMIT;
  const items = timeline(input);
  const participants = participantsOf(items, input);
  const shown = items.slice(0, limit);
  const lines = [
    'sequenceDiagram',
    ...participants.map((p) => `    participant ${p}`),
    ...shown.map(itemLine),
  ];
  const leftOut = leftOutText(items.slice(limit));
  if (leftOut)
    lines.push(
      `    Note over ${participants[0]},broker: ${mermaidLabel(`${leftOut} left out (the diagram stops at ${limit})`)}`,
    );
  return `${lines.join('\n')}\n`;
}

function itemLine(item: TimelineItem): string {
  switch (item.kind) {
    case 'publish':
      return `    ${item.from}->>broker: ${mermaidLabel(item.type)}`;
    case 'consume':
      return `    broker-->>${item.to}: ${mermaidLabel(item.type)}`;
    case 'crash':
      return `    Note over ${item.process}: ${mermaidLabel(item.text)}`;
  }
}

/** The fixed order, the orchestrator only when the run has one. */
function participantsOf(items: TimelineItem[], input: TimelineInput): Participant[] {
  const involved = (p: Participant) =>
    items.some((i) => (i.kind === 'publish' ? i.from : i.kind === 'consume' ? i.to : i.process) === p);
  const present = (s: Participant) =>
    s !== 'orchestrator' || input.inboxes.orchestrator !== undefined || involved(s);
  return [...DIAGRAM_SERVICES.filter(present), 'broker'];
}

function leftOutText(rest: TimelineItem[]): string | null {
  if (!rest.length) return null;
  const crashes = rest.filter((i) => i.kind === 'crash').length;
  const messages = rest.length - crashes;
  const parts = [
    messages ? `${messages} more ${messages === 1 ? 'message' : 'messages'}` : '',
    crashes ? `${crashes} ${crashes === 1 ? 'crash' : 'crashes'}` : '',
  ].filter(Boolean);
  return parts.join(' and ');
}
