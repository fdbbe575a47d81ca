// Broker faults across processes on a real nats-server: the run's broker
// process holds them (FaultHolder), each service's port takes them through a
// view (HeldFaults) under the same fault layer as the local broker's. An
// outage counts the refused publishes of every publisher together; a delivery
// fault fires once, for its group only, also for a view that started after it
// was armed (a service restarted); a holder that is gone has nothing to give.

import { describe, expect, it } from 'vitest';
import { OUTAGE_REFUSAL, withBrokerFaults } from '../../core/broker/faultLayer';
import { FaultHolder, HeldFaults } from '../../core/broker/nats/sharedFaults';
import type { Fact } from '../../core/telemetry';
import { until } from '../until';
import { event, ids, natsBinary, natsSuite, Recorder } from './jetStreamHarness';

const TOPIC = 'order-events';

describe.skipIf(!natsBinary)('broker faults held by one process, taken by others, on JetStream', () => {
  const suite = natsSuite();

  /** A service's port: its own connection, the fault layer over the holder's faults, its facts apart. */
  async function servicePort(runId: string) {
    const port = await suite.ports.port(runId, { retryBackoffMs: 20 });
    const facts: Fact[] = [];
    const layered = withBrokerFaults(port, new HeldFaults(port.connection, runId, 2000), (f) =>
      facts.push(f),
    );
    // The view's hello and the holder's answer have gone round once the connection has flushed twice.
    await port.connection.flush();
    await port.connection.flush();
    return { port, layered, facts };
  }

  async function holderOf(runId: string) {
    const brokerPort = await suite.ports.port(runId);
    return { holder: new FaultHolder(brokerPort.connection, runId, `broker-${runId}`), brokerPort };
  }

  const faultsSeen = (...facts: Fact[][]) =>
    facts.flat().flatMap((f) => (f.kind === 'broker-fault' ? [f.fault] : []));

  it('counts an outage over every publisher: three refusals in all, said once, then publishes land', async () => {
    const runId = suite.runId();
    const { holder } = await holderOf(runId);
    const [a, b] = [await servicePort(runId), await servicePort(runId)];
    await holder.change((f) => f.refusePublishes(3));
    // The holder's news reached the server before this round trip of each view's, so each view has it.
    await Promise.all([a, b].map((s) => s.port.connection.flush()));
    const one = (s: typeof a) => s.layered.publish([{ topic: TOPIC, event: event('order-1') }]);
    await expect(one(a)).rejects.toThrow(OUTAGE_REFUSAL);
    await expect(one(b)).rejects.toThrow(OUTAGE_REFUSAL);
    await expect(one(a)).rejects.toThrow(OUTAGE_REFUSAL);
    const landed = await Promise.all([one(b), one(a)]);
    expect(landed.map((offsets) => offsets.length)).toEqual([1, 1]);
    expect(faultsSeen(a.facts, b.facts)).toEqual(['broker-outage']);
    expect(holder.faults.armed().outage).toBe(false);
  });

  it('hands a delivery over twice once, to its group only, for a view started after the fault was armed', async () => {
    const runId = suite.runId();
    const { holder } = await holderOf(runId);
    await holder.change((f) => f.duplicateNext('payment', 'OrderPlaced'));
    // Started after the arming: a service that came back from a crash learns what is armed by asking.
    const [payment, inventory] = [await servicePort(runId), await servicePort(runId)];
    const paid = new Recorder(payment.layered, 'payment');
    const reserved = new Recorder(inventory.layered, 'inventory');
    await Promise.all([paid.start([TOPIC]), reserved.start([TOPIC])]);
    const events = [event('order-1'), event('order-1')];
    await payment.layered.publish(events.map((e) => ({ topic: TOPIC, event: e })));
    await until(() => paid.acked.length === 3 && reserved.acked.length === 2);
    expect(ids(paid.deliveries)).toEqual([events[0].id, events[0].id, events[1].id]);
    expect(ids(reserved.deliveries)).toEqual(events.map((e) => e.id));
    expect(faultsSeen(payment.facts)).toEqual(['duplicate']);
    expect(faultsSeen(inventory.facts)).toEqual([]);
    expect(holder.faults.armed().duplicates).toEqual([]);
  });

  it('holds a delivery back for its group, then it comes again; a cleared fault never fires', async () => {
    const runId = suite.runId();
    const { holder } = await holderOf(runId);
    const shipping = await servicePort(runId);
    await holder.change((f) => f.delayNext('shipping', 'OrderPlaced', 200));
    await holder.change((f) => f.duplicateNext('shipping', 'OrderPaid'));
    await holder.change((f) => f.clear());
    await holder.change((f) => f.delayNext('shipping', 'OrderPlaced', 200));
    await shipping.port.connection.flush();
    const member = new Recorder(shipping.layered, 'shipping');
    await member.start([TOPIC]);
    const events = [event('order-1'), event('order-1', 'OrderPaid')];
    await shipping.layered.publish(events.map((e) => ({ topic: TOPIC, event: e })));
    await until(() => member.acked.length === 2);
    expect(member.deliveries.map((r) => [r.event.id, r.attempt])).toEqual([
      [events[0].id, 2],
      [events[1].id, 1],
    ]);
    expect(faultsSeen(shipping.facts)).toEqual(['delay']);
  });

  it('keeps an outage through a server restart: a view that lost its holder while it was down hears it again', async () => {
    const runId = suite.runId();
    const { holder } = await holderOf(runId);
    const service = await servicePort(runId);
    await holder.change((f) => f.refusePublishes(2));
    await service.port.connection.flush();
    const one = () => service.layered.publish([{ topic: TOPIC, event: event('order-1') }]);
    await suite.server.restart(async () => {
      // Asked while the server is gone, the holder does not answer: the view forgets it, and the publish fails.
      await expect(one()).rejects.toThrow();
    });
    // Back: the holder announces itself again, and its outage is whole (nothing was refused by it yet).
    const refused = async () =>
      one().then(
        () => false,
        (error: Error) => error.message.includes(OUTAGE_REFUSAL),
      );
    while (!(await refused())) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(holder.faults.armed().outage).toBe(true);
    expect(faultsSeen(service.facts)).toEqual(['broker-outage']);
  });

  it('gives nothing once its holder is gone: the publish goes through', async () => {
    const runId = suite.runId();
    const { holder, brokerPort } = await holderOf(runId);
    const service = await servicePort(runId);
    await holder.change((f) => f.refusePublishes(5));
    await service.port.connection.flush();
    brokerPort.close();
    await brokerPort.closed;
    const offsets = await service.layered.publish([{ topic: TOPIC, event: event('order-1') }]);
    expect(offsets).toHaveLength(1);
    expect(faultsSeen(service.facts)).toEqual([]);
  });
});
