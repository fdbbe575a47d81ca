// What a shop run's processes are started with when its link asks for NATS JetStream: a live run sends every
// service to the server and makes its broker process the reader of JetStream's figures; a deterministic run
// stays on the local broker, which is told what was asked so its node can say so. And what a busy live shop
// run's checker reads: the facts its services reported, not their databases.

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../core/scenario/scenario';
import type { TableDump } from '../../core/rows';
import type { Fact } from '../../core/telemetry';
import { channelNames } from '../../core/transport';
import type { StartContext } from '../run/Conductor';
import { natsUrlOf } from '../topologies/shop';
import { ShopConductor, type Snapshot } from './ShopConductor';

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

/** Payment's table with one order charged twice. */
const CHARGED_TWICE: TableDump = {
  payments: [
    { id: 'p-1', orderId: 'o-1', amount: 12, idempotencyKey: 'k-1' },
    { id: 'p-2', orderId: 'o-1', amount: 12, idempotencyKey: 'k-2' },
  ],
};

describe("a busy live shop run's check", () => {
  it('finds the double charge its facts show without reading a database', async () => {
    const conductor = new ShopConductor({ runId: 'test-busy' });
    opened.push(conductor);
    const snapshot = vi.spyOn(conductor, 'snapshot');
    // Payment's worker reports its whole database as it starts.
    const hydrate: Fact = { kind: 'hydrate', service: 'payment', tables: CHARGED_TWICE };
    const telemetry = new BroadcastChannel(channelNames('test-busy').telemetry);
    telemetry.postMessage([hydrate]);
    telemetry.close();
    await vi.waitFor(async () => expect(await conductor.recordedFacts()).toHaveLength(1));
    const found = await conductor.checkAnomalies(false);
    expect(found.map((a) => a.invariant)).toEqual(['no-double-charge']);
    expect(snapshot).not.toHaveBeenCalled();
  });

  it('on NATS reads the databases, as no fact tells what the broker holds', async () => {
    const conductor = new ShopConductor({ runId: 'test-busy-nats', scenario: NATS });
    opened.push(conductor);
    const databases = { services: { payment: CHARGED_TWICE }, broker: {} } as unknown as Snapshot;
    const snapshot = vi.spyOn(conductor, 'snapshot').mockResolvedValue(databases);
    const found = await conductor.checkAnomalies(false);
    expect(found.map((a) => a.invariant)).toEqual(['no-double-charge']);
    expect(snapshot).toHaveBeenCalledTimes(1);
  });
});
