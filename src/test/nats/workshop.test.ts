// The pieces a workshop's browsers meet through, against a real nats-server:
// claims in a key-value bucket, heartbeats, calls to a service's owner, and
// the telemetry bridge. Each "browser" here is a NATS connection of its own.

import { afterEach, describe, expect, it } from 'vitest';
import type { NatsConnection } from '@nats-io/nats-core';
import { broadcastChannels, type Channel } from '../../core/transport';
import { Claims } from '../../core/workshop/claims';
import { Heartbeats, type ServicePresence } from '../../core/workshop/heartbeats';
import { channelSubject, natsChannels } from '../../core/workshop/natsChannels';
import { callRemote, serveCalls } from '../../core/workshop/remoteCalls';
import { bridgeTelemetry } from '../../core/workshop/telemetryBridge';
import { workshopSubjects } from '../../core/workshop/workshopSubjects';
import { until } from '../until';
import { natsBinary, natsSuite, nodeWsConnect } from './jetStreamHarness';

describe.skipIf(!natsBinary)('a workshop on NATS', () => {
  const suite = natsSuite();
  const open: NatsConnection[] = [];
  const closers: (() => void)[] = [];
  const browser = async () => {
    const nc = await nodeWsConnect({ servers: suite.server.wsUrl });
    open.push(nc);
    return nc;
  };
  afterEach(async () => {
    for (const close of closers.splice(0)) close();
    await Promise.all(open.splice(0).map((nc) => nc.close()));
  });

  it('gives a service to the first browser that claims it, back to the same browser, never to a second', async () => {
    const { claims } = workshopSubjects(suite.runId());
    const [a, b] = [await Claims.open(await browser(), claims), await Claims.open(await browser(), claims)];
    expect(await a.claim('owner-a', ['payment', 'order'])).toEqual([]);
    expect(await b.claim('owner-b', ['payment', 'shipping'])).toEqual([
      { service: 'payment', owner: 'owner-a' },
    ]);
    // A reopened tab of the same browser: the same owner id takes its claim back.
    expect(await a.claim('owner-a', ['payment'])).toEqual([]);
    // Two browsers claiming one service at once: exactly one wins.
    const both = await Promise.all([a.claim('owner-a', ['inventory']), b.claim('owner-b', ['inventory'])]);
    expect(both.filter((taken) => taken.length === 0)).toHaveLength(1);
  });

  it('tells each browser who runs what: live, down when its owner says so or falls silent, unowned', async () => {
    const { beat } = workshopSubjects(suite.runId());
    const status: Record<string, string> = { payment: 'running' };
    const seen: ServicePresence[][] = [];
    const owner = new Heartbeats(await browser(), beat, {
      self: 'owner-a',
      mine: ['payment'],
      all: ['order', 'payment'],
      now: () => Date.now(),
      statusOf: (s) => status[s],
      onChange: () => undefined,
      everyMs: 50,
    });
    const presenter = new Heartbeats(await browser(), beat, {
      self: 'presenter',
      mine: [],
      all: ['order', 'payment'],
      now: () => Date.now(),
      statusOf: () => 'running',
      onChange: (view) => seen.push(view),
      everyMs: 50,
      downAfterMs: 200,
    });
    closers.push(
      () => owner.stop(),
      () => presenter.stop(),
    );
    presenter.start();
    owner.start();
    const payment = () => seen.at(-1)?.find((p) => p.service === 'payment');
    await until(() => payment()?.presence === 'remote');
    expect(payment()).toEqual({
      service: 'payment',
      presence: 'remote',
      owner: 'owner-a',
      status: 'running',
    });
    expect(seen.at(-1)?.find((p) => p.service === 'order')).toMatchObject({
      presence: 'unowned',
      owner: null,
    });
    status.payment = 'crashed';
    await until(() => payment()?.presence === 'down');
    expect(payment()?.status).toBe('crashed');
    status.payment = 'running';
    await until(() => payment()?.presence === 'remote');
    owner.stop();
    await until(() => payment()?.presence === 'down');
    expect(payment()).toMatchObject({ owner: 'owner-a', status: 'running' });
  });

  it("calls a service in its owner's browser: the value, the owner's error, and an owner not connected", async () => {
    const subject = workshopSubjects(suite.runId()).calls('payment');
    const owner = await browser();
    const caller = await browser();
    const calls: [string, unknown[]][] = [];
    const served = serveCalls(owner, subject, async (method, args) => {
      calls.push([method, args]);
      if (method === 'status') return { unpublished: 0 };
      throw new Error(`payment: ${method} is for its own browser to call`);
    });
    // The subscription is the server's once flushed: a call before that finds nobody yet.
    await owner.flush();
    expect(await callRemote(caller, subject, 'payment', 'status', [1, 'a'], 5000)).toEqual({
      unpublished: 0,
    });
    expect(calls).toEqual([['status', [1, 'a']]]);
    await expect(callRemote(caller, subject, 'payment', 'setTiming', [], 5000)).rejects.toThrow(
      'payment: setTiming is for its own browser to call',
    );
    served.unsubscribe();
    await owner.flush();
    await expect(callRemote(caller, subject, 'payment', 'status', [], 5000)).rejects.toThrow(
      'payment: the browser that runs it is not connected',
    );
  });

  it("bridges each browser's own services' facts to the others, and theirs home, nothing twice", async () => {
    const run = suite.runId();
    const name = `mpp/${run}/telemetry`;
    expect(channelSubject(name)).toBe(`mpp.${run.replace('-', '-2d')}.telemetry`);
    const homes = broadcastChannels(BroadcastChannel);
    const side = async (label: string, mine: string[]) => {
      const home = homes(`${run}/${label}`);
      // What the conductor of that browser hears: a channel of the same name, as a worker's posts reach it.
      const heard: unknown[] = [];
      const conductor = homes(`${run}/${label}`);
      conductor.onMessage((batch) => heard.push(...(batch as unknown[])));
      const nc = await browser();
      const shared: Channel = natsChannels(nc)(name);
      await nc.flush();
      closers.push(
        () => home.close(),
        () => conductor.close(),
        () => shared.close(),
      );
      bridgeTelemetry(home, shared, new Set(mine));
      return { worker: homes(`${run}/${label}`), heard };
    };
    const a = await side('a', ['payment']);
    const b = await side('b', ['order']);
    const paymentCommit = { kind: 'commit', service: 'payment', changes: [] };
    a.worker.post([paymentCommit, { kind: 'broker', stats: {} }]);
    const orderCommit = { kind: 'commit', service: 'order', changes: [] };
    b.worker.post([orderCommit]);
    await until(() => b.heard.length >= 2 && a.heard.length >= 3);
    // b hears its own worker's fact and a's payment fact, never a's broker figures.
    expect(b.heard).toEqual(expect.arrayContaining([orderCommit, paymentCommit]));
    expect(b.heard).toHaveLength(2);
    // a hears its own two facts and b's order fact, its own payment fact not echoed back.
    expect(a.heard).toHaveLength(3);
    expect(a.heard.filter((f) => JSON.stringify(f) === JSON.stringify(paymentCommit))).toHaveLength(1);
  });
});
