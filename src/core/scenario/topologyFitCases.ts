// Shared by the cross-field checks' tests: a crafted link, and what the link decoder says of it.

import { expect } from 'vitest';
import { decodeScenario } from './link';
import { packText } from './packing';
import type { Scenario, Topology } from './scenario';

/** A link holding exactly `settings`, as a hand-edited or crafted link would (the encoder never checks). */
export function linkOf(settings: object): string {
  return `#s/v1/${packText(JSON.stringify(settings))}`;
}

export const RUN_NAMES: Record<Topology, string> = {
  shop: 'a shop run',
  'event-sourced': 'an event-sourced run',
  cdc: 'a change-data-capture run',
};

/** What the link decoder says of `settings`: the refusal's message, or 'opened'. */
export function refusal(settings: Partial<Scenario>): string {
  const decoded = decodeScenario(linkOf(settings));
  if (decoded.ok) return 'opened';
  expect(decoded.error.kind).toBe('unfit');
  expect(decoded.error.code).toBe('MPP027');
  return decoded.error.message;
}

export function asks(topology: Topology, problem: string): string {
  return `This link asks ${RUN_NAMES[topology]} for something it cannot do: ${problem}.`;
}
