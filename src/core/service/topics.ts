// Topic names, in one place: which topic an aggregatetype's events go to under
// each relay mode, and which service's events a topic carries. The polling
// relay routes `Order` → `order-events`, `PaymentCommand` → `payment-commands`
// and `PaymentCompensation` → `payment-compensations` (a saga's undo lane);
// the log-tailing relay uses Debezium's outbox event router default,
// `outbox.event.<aggregatetype>`. A run uses one naming throughout, so
// consumers subscribe to what their run's relays publish.

import type { RelayMode } from '../scenario/scenario';
import { SERVICE_NAMES, type ServiceName } from '../rows';
import { outboxTopic } from '../cdc/router';

const OUTBOX_EVENT = /^outbox\.event\.(.+)$/;
const POLLING = /^([a-z]+)-(events|commands|compensations)$/;
/** Aggregate types that carry commands to one service: its saga steps, and the compensations that undo them. */
const TO_SERVICE = /^(.*)(Command|Compensation)$/;
const SUFFIX = { Command: 'commands', Compensation: 'compensations' } as const;

export function topicOf(aggregateType: string, mode: RelayMode = 'polling'): string {
  if (mode === 'log-tailing') return outboxTopic(aggregateType);
  const command = aggregateType.match(TO_SERVICE);
  return command
    ? `${command[1].toLowerCase()}-${SUFFIX[command[2] as keyof typeof SUFFIX]}`
    : `${aggregateType.toLowerCase()}-events`;
}

/** The aggregatetype a topic of either naming carries (`order-events` and `outbox.event.Order` → `Order`), or null. */
export function aggregateTypeOf(topic: string): string | null {
  const routed = topic.match(OUTBOX_EVENT);
  if (routed) return routed[1];
  const polled = topic.match(POLLING);
  if (!polled) return null;
  const name = polled[1].charAt(0).toUpperCase() + polled[1].slice(1);
  if (polled[2] === 'commands') return `${name}Command`;
  return polled[2] === 'compensations' ? `${name}Compensation` : name;
}

/** A topic named the polling way (as service definitions list what they consume) under `mode`'s naming. */
export function topicUnder(topic: string, mode: RelayMode): string {
  const aggregateType = aggregateTypeOf(topic);
  return aggregateType ? topicOf(aggregateType, mode) : topic;
}

/** The service whose own events a topic carries (`order-events`, `outbox.event.Order` → order); null for command topics. */
export function publisherOf(topic: string): ServiceName | null {
  const aggregateType = aggregateTypeOf(topic);
  if (!aggregateType || TO_SERVICE.test(aggregateType)) return null;
  const name = aggregateType.toLowerCase();
  return (SERVICE_NAMES as string[]).includes(name) ? (name as ServiceName) : null;
}

/** Whether a topic carries commands to one service (saga steps or their compensations) rather than events from one. */
export function isCommandTopic(topic: string): boolean {
  return TO_SERVICE.test(aggregateTypeOf(topic) ?? '');
}
