import { afterEach, describe, expect, it } from 'vitest';
import { BrokerClient } from './brokerClient';
import type { Delivery } from './brokerPort';
import { broadcastChannels, channelNames, type Channel } from '../transport';
import type { BrokerReply, BrokerRequest } from './wire';

const openChannel = broadcastChannels(BroadcastChannel as never);
const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

/** Stands in for the broker: records what reaches it, and can post to a process as the broker would. */
function fakeBroker(runId: string) {
  const names = channelNames(runId);
  const inbound = openChannel(names.broker);
  const requests: BrokerRequest[] = [];
  inbound.onMessage((m) => requests.push(m as BrokerRequest));
  const outbound = new Map<string, Channel>();
  open.push(inbound);
  return {
    requests,
    send(to: string, reply: BrokerReply) {
      if (!outbound.has(to)) {
        const channel = openChannel(names.to(to));
        outbound.set(to, channel);
        open.push(channel);
      }
      outbound.get(to)!.post(reply);
    },
  };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('BrokerClient across a restart of its process', () => {
  it('drops a delivery meant for the incarnation that died, takes the ones meant for itself', async () => {
    const runId = `client-${Math.random()}`;
    const broker = fakeBroker(runId);
    const dead = new BrokerClient({ self: 'query', runId, openChannel });
    open.push(dead);
    void dead.subscribe('query', ['t'], () => undefined);
    const restarted = new BrokerClient({ self: 'query', runId, openChannel });
    open.push(restarted);
    const got: Delivery[] = [];
    void restarted.subscribe('query', ['t'], (d) => got.push(d));
    await until(() => broker.requests.filter((r) => r.type === 'subscribe').length === 2);
    const [oldSession, newSession] = broker.requests.flatMap((r) =>
      r.type === 'subscribe' ? [r.session] : [],
    );
    expect(oldSession).toBeTruthy();
    expect(newSession).not.toBe(oldSession);

    const record = (offset: number) => ({
      topic: 't',
      partition: 0,
      offset,
      attempt: 1,
      event: { id: `e${offset}` } as never,
    });
    broker.send('query', {
      type: 'deliver',
      group: 'query',
      topic: 't',
      partition: 0,
      records: [record(4)],
      session: oldSession,
    });
    broker.send('query', {
      type: 'deliver',
      group: 'query',
      topic: 't',
      partition: 0,
      records: [record(0)],
      session: newSession,
    });
    await until(() => got.length > 0);
    await new Promise((r) => setTimeout(r, 20));
    expect(got.map((d) => d.records[0].offset)).toEqual([0]);
  });

  it('names its requests apart from its predecessor, so a late reply to the dead one settles nothing of its own', async () => {
    const runId = `client-${Math.random()}`;
    const broker = fakeBroker(runId);
    const dead = new BrokerClient({ self: 'order', runId, openChannel, publishTimeoutMs: 200 });
    open.push(dead);
    void dead.publish([{ topic: 't', event: { id: 'a' } as never }]).catch(() => undefined);
    const restarted = new BrokerClient({ self: 'order', runId, openChannel, publishTimeoutMs: 200 });
    open.push(restarted);
    const publishing = restarted.publish([{ topic: 't', event: { id: 'b' } as never }]);
    await until(() => broker.requests.length === 2);
    const [first, second] = broker.requests as Extract<BrokerRequest, { type: 'publish' }>[];
    expect(second.reqId).not.toBe(first.reqId);
    // The broker answers the dead process's publish: the restarted one must still be waiting for its own.
    broker.send('order', { type: 'publish.ok', reqId: first.reqId, offsets: [7] });
    broker.send('order', { type: 'publish.ok', reqId: second.reqId, offsets: [8] });
    expect(await publishing).toEqual([8]);
  });
});

describe('BrokerClient subscribing by event type', () => {
  it('names the types it handles when it joins, and again when a restarted broker asks it to rejoin', async () => {
    const runId = `client-${Math.random()}`;
    const broker = fakeBroker(runId);
    const client = new BrokerClient({ self: 'payment', runId, openChannel });
    open.push(client);
    const everything = new BrokerClient({ self: 'audit', runId, openChannel });
    open.push(everything);
    await client.subscribe('payment', ['order-events'], () => undefined, ['OrderCreated']);
    await everything.subscribe('audit', ['order-events'], () => undefined);
    const subscribes = () =>
      broker.requests.flatMap((r) => (r.type === 'subscribe' ? [[r.member, r.types] as const] : []));
    await until(() => subscribes().length === 2);
    const events = openChannel(channelNames(runId).brokerEvents);
    open.push(events);
    events.post({ type: 'broker.up' });
    await until(() => subscribes().length === 4);
    expect(subscribes().filter(([member]) => member === 'payment')).toEqual([
      ['payment', ['OrderCreated']],
      ['payment', ['OrderCreated']],
    ]);
    expect(subscribes().filter(([member]) => member === 'audit')).toEqual([
      ['audit', undefined],
      ['audit', undefined],
    ]);
  });
});
