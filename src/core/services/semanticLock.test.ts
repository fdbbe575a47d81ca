// The participants' semantic lock, against the real payment, inventory and
// shipping services in Node: a compensation that arrives before its step's
// command leaves a lock in the same transaction, and the command is refused with
// a reply the orchestrator records; with the lock off it is carried out.
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import { toMessage } from '../service/relay';
import { BrokerClient } from '../broker/brokerClient';
import { broadcastChannels } from '../transport';
import type { OutboxRow, PaymentRow, ReservationRow, ShipmentRow } from '../rows';
import type { SemanticLockRow } from './semanticLock';

let h: Harness;
let client: BrokerClient | null = null;
afterEach(() => {
  client?.close();
  h?.close();
});

const order = {
  orderId: 'o-1',
  customerId: 'bob',
  total: 12,
  items: [{ sku: 'SKU-MUG', qty: 1 }],
  region: 'EU',
};
let ids = 0;

/** A saga message as the orchestrator's relay would publish it: `lane` Command or Compensation. */
function command(service: string, type: string, step: string, kind: 'step' | 'compensation'): OutboxRow {
  const id = `cmd-${++ids}`;
  const lane = kind === 'step' ? 'Command' : 'Compensation';
  return {
    id,
    aggregatetype: `${service[0].toUpperCase()}${service.slice(1)}${lane}`,
    aggregateid: order.orderId,
    type,
    payload: { saga: { id: 'saga-o-1', step, kind }, attempt: 1, order },
    correlationid: id,
    causationid: id,
    created_at: 0,
    published_at: null,
  };
}

async function run(
  service: 'payment' | 'inventory' | 'shipping',
  messages: OutboxRow[],
  semanticLocks = true,
) {
  h = createHarness();
  await h.startBroker();
  const host = await h.startService(service, { sagaStyle: 'orchestration', semanticLocks });
  client = new BrokerClient({
    self: 'test-orchestrator',
    runId: h.runId,
    openChannel: broadcastChannels(BroadcastChannel as never),
  });
  // One at a time, in this order: the compensation first, as when its own lane overtakes a stuck command.
  for (const message of messages) {
    await client.publish([toMessage('orchestrator', message)]);
    await h.settle();
  }
  return host.dump();
}

const CASES = [
  ['payment', 'ProcessPayment', 'RefundPayment', 'processPayment', 'payments'],
  ['inventory', 'ReserveInventory', 'ReleaseInventory', 'reserveInventory', 'reservations'],
  ['shipping', 'ScheduleShipment', 'CancelShipment', 'scheduleShipping', 'shipments'],
] as const;

describe('semantic lock', () => {
  for (const [service, action, undo, step, table] of CASES) {
    it(`${service}: ${undo} before ${action} is a recorded no-op that refuses the late ${action}`, async () => {
      const dump = await run(service, [
        command(service, undo, step, 'compensation'),
        command(service, action, step, 'step'),
      ]);
      expect(dump[table]).toEqual([]);
      const [lock] = dump.semantic_locks as unknown as SemanticLockRow[];
      expect(lock).toMatchObject({
        key: `${step}/o-1`,
        compensation: undo,
        undid: [],
        refused: 1,
        lastRefused: action,
        saga: 'saga-o-1',
      });
      const replies = (dump.outbox as unknown as OutboxRow[]).map((r) => r.type);
      expect(replies).toContain(`${action}Refused`);
      const refusal = (dump.outbox as unknown as OutboxRow[]).find((r) => r.type === `${action}Refused`)!;
      expect(refusal.payload).toMatchObject({
        refused: true,
        saga: { id: 'saga-o-1', step },
        errorType: 'SemanticLock',
      });
    });

    it(`${service}: without the lock, the late ${action} is carried out after its compensation`, async () => {
      const dump = await run(
        service,
        [command(service, undo, step, 'compensation'), command(service, action, step, 'step')],
        false,
      );
      expect(dump[table]).toHaveLength(1);
      expect(dump.semantic_locks).toEqual([]);
    });
  }

  it('choreography: after payment refunded an order, a late OrderCreated for it (a republish with a new id) charges nothing', async () => {
    h = createHarness();
    await h.startBroker();
    const payment = await h.startService('payment', { sagaStyle: 'choreography' });
    client = new BrokerClient({
      self: 'test-services',
      runId: h.runId,
      openChannel: broadcastChannels(BroadcastChannel as never),
    });
    const event = (id: string, aggregatetype: string, type: string, payload: object): OutboxRow => ({
      id,
      aggregatetype,
      aggregateid: order.orderId,
      type,
      payload,
      correlationid: id,
      causationid: id,
      created_at: 0,
      published_at: null,
    });
    for (const message of [
      event('evt-1', 'Inventory', 'InventoryReservationFailed', {
        orderId: order.orderId,
        errorType: 'OutOfStock',
        message: 'out of stock',
      }),
      event('evt-2', 'Order', 'OrderCreated', order),
    ]) {
      await client.publish([toMessage('test', message)]);
      await h.settle();
    }
    const dump = await payment.dump();
    expect(dump.payments).toEqual([]);
    expect((dump.semantic_locks as unknown as SemanticLockRow[])[0]).toMatchObject({
      step: 'processPayment',
      undid: [],
      refused: 1,
      lastRefused: 'OrderCreated',
    });
    expect((dump.inbox as unknown as { result: string }[]).at(-1)!.result).toContain(
      'refused: semantic lock',
    );
  });

  it('an action that came first is undone by its compensation, and the lock records what was undone', async () => {
    const dump = await run('payment', [
      command('payment', 'ProcessPayment', 'processPayment', 'step'),
      command('payment', 'RefundPayment', 'processPayment', 'compensation'),
    ]);
    const [payment] = dump.payments as unknown as PaymentRow[];
    expect(payment.status).toBe('REFUNDED');
    expect((dump.semantic_locks as unknown as SemanticLockRow[])[0].undid).toEqual([payment.id]);
  });

  it('rows of the undone kinds stay undone: a released reservation and a cancelled shipment are not made again', async () => {
    const inventory = await run('inventory', [
      command('inventory', 'ReserveInventory', 'reserveInventory', 'step'),
      command('inventory', 'ReleaseInventory', 'reserveInventory', 'compensation'),
      command('inventory', 'ReserveInventory', 'reserveInventory', 'step'),
    ]);
    expect((inventory.reservations as unknown as ReservationRow[]).map((r) => r.status)).toEqual([
      'RELEASED',
    ]);
    h.close();
    const shipping = await run('shipping', [
      command('shipping', 'ScheduleShipment', 'scheduleShipping', 'step'),
      command('shipping', 'CancelShipment', 'scheduleShipping', 'compensation'),
      command('shipping', 'ScheduleShipment', 'scheduleShipping', 'step'),
    ]);
    expect((shipping.shipments as unknown as ShipmentRow[]).map((s) => s.status)).toEqual(['CANCELLED']);
  });
});
