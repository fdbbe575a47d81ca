// What a shop run's processes are started with when its link asks for NATS JetStream: a live run sends every
// service to the server and makes its broker process the reader of JetStream's figures; a deterministic run
// stays on the local broker, which is told what was asked so its node can say so.

import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../core/scenario/scenario';
import type { StartContext } from '../run/Conductor';
import { natsUrlOf } from '../topologies/shop';
import { ShopConductor } from './ShopConductor';

const NATS: Partial<Scenario> = { broker: 'nats', natsUrl: 'ws://127.0.0.1:4223' };
const opened: ShopConductor[] = [];

/** The start options the conductor would send `process` (the slot is protected: asked as the one conductor asks it). */
function startOptions(scenario: Partial<Scenario>, process: 'broker' | 'payment'): Record<string, unknown> {
  const conductor = new ShopConductor({ scenario, runId: `test-${opened.length}` });
  opened.push(conductor);
  const slot = (conductor as unknown as { startOptions(p: string, s: StartContext): Record<string, unknown> })
    .startOptions;
  return slot.call(conductor, process, { restarting: false });
}

afterEach(() => opened.splice(0).forEach((c) => c.dispose()));

describe('a shop run on broker nats', () => {
  it('live: every service and the broker process go to the NATS server', () => {
    expect(natsUrlOf({ ...(NATS as Scenario), mode: 'live' })).toBe('ws://127.0.0.1:4223');
    expect(startOptions(NATS, 'payment')).toMatchObject({ nats: { url: 'ws://127.0.0.1:4223' } });
    expect(startOptions(NATS, 'broker')).toEqual({
      nats: { url: 'ws://127.0.0.1:4223' },
      paused: false,
      services: ['order', 'payment', 'inventory', 'shipping'],
      relay: 'polling',
    });
  });

  it('deterministic: the local broker, told that NATS was asked for', () => {
    const deterministic = { ...NATS, mode: 'deterministic' as const };
    expect(natsUrlOf({ ...(deterministic as Scenario) })).toBeNull();
    expect(startOptions(deterministic, 'payment').nats).toBeUndefined();
    expect(startOptions(deterministic, 'broker')).toMatchObject({ natsAsked: 'ws://127.0.0.1:4223' });
  });

  it('the default scenario: the local broker, nothing said', () => {
    expect(startOptions({}, 'payment').nats).toBeUndefined();
    expect(startOptions({}, 'broker').natsAsked).toBeUndefined();
  });
});
