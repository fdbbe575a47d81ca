// A service's side of the broker wire: publish and wait for the broker's
// durable acknowledgement, subscribe a consumer group, ack and nack.
// If the broker is down, publishes time out and the caller tries again later;
// when a broker comes back up it announces itself and we subscribe again.

import type { Channel, OpenChannel } from '../transport';
import { channelNames } from '../transport';
import { randomId } from '../ids';
import {
  BrokerUnavailable,
  type BrokerPort,
  type Delivery,
  type FetchedBatch,
  type OutgoingMessage,
} from './brokerPort';
import type { BrokerEvent, BrokerReply, BrokerRequest } from './wire';

interface Waiting {
  resolve: (reply: BrokerReply) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export interface BrokerClientOptions {
  /** The process this client speaks for: replies and deliveries come back on its channel. */
  self: string;
  runId: string;
  openChannel: OpenChannel;
  /** How long a request waits for the broker's confirmation before it fails as BrokerUnavailable. */
  publishTimeoutMs?: number;
  heartbeatMs?: number;
  /**
   * A deterministic run's clock: every request is stamped with its simulation time and confirmed by the
   * broker, and nothing is pushed or beaten on a timer.
   */
  stepClock?: { now(): number } | null;
  /** Where a live session's id comes from (a host passes its own ids; random ones otherwise). */
  newId?: (prefix: string) => string;
}

type Confirmed<T> = T extends { reqId?: string } ? Omit<T, 'reqId'> : never;

/** The BroadcastChannel broker's port: the requests go to the broker worker's channel, replies come back on ours. */
export class BrokerClient implements BrokerPort {
  private readonly toBroker: Channel;
  private readonly inbound: Channel;
  private readonly brokerEvents: Channel;
  private readonly waiting = new Map<string, Waiting>();
  private subscription: {
    group: string;
    topics: string[];
    onDeliver: (d: Delivery) => void;
    types?: string[];
  } | null = null;
  private nextReq = 0;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  /**
   * This incarnation of the process. A restarted process opens the same channel as the one that died, so
   * replies and deliveries meant for its predecessor can still reach it: a delivery taken up by the wrong
   * incarnation would be acknowledged past records it never saw, a stale publish.ok would settle a different
   * publish. Both carry the session, and what is not ours is dropped. (Deterministic runs never push and
   * settle every request in order: no session, so their traces stay reproducible.)
   */
  private readonly session: string;
  private readonly self: string;
  private readonly publishTimeoutMs: number;
  private readonly heartbeatMs: number;
  private readonly stepClock: { now(): number } | null;

  constructor({
    self,
    runId,
    openChannel,
    publishTimeoutMs = 2000,
    heartbeatMs = 1000,
    stepClock = null,
    newId = randomId,
  }: BrokerClientOptions) {
    this.self = self;
    this.publishTimeoutMs = publishTimeoutMs;
    this.heartbeatMs = heartbeatMs;
    this.stepClock = stepClock;
    // Drawn only in a live run: a deterministic run's ids come from its seed, and must not shift.
    this.session = stepClock ? '' : newId('s');
    const names = channelNames(runId);
    this.toBroker = openChannel(names.broker);
    this.inbound = openChannel(names.to(self));
    this.brokerEvents = openChannel(names.brokerEvents);
    this.inbound.onMessage((m) => this.onReply(m as BrokerReply));
    this.brokerEvents.onMessage((m) => {
      if ((m as BrokerEvent).type === 'broker.up') void this.resubscribe().catch(() => undefined);
    });
  }

  private get stepped(): boolean {
    return this.stepClock !== null;
  }

  async publish(messages: OutgoingMessage[]): Promise<number[]> {
    const reply = await this.request({ type: 'publish', from: this.self, messages });
    if (reply.type !== 'publish.ok')
      throw new BrokerUnavailable(reply.type === 'publish.failed' ? reply.error : `unexpected ${reply.type}`);
    return reply.offsets;
  }

  /** Deterministic runs: takes up to `max` records of one partition from the broker now. */
  async fetch(group: string, topic: string, partition: number, max: number): Promise<FetchedBatch> {
    const reply = await this.request({ type: 'fetch', from: this.self, group, topic, partition, max, at: 0 });
    if (reply.type !== 'fetch.ok') throw new BrokerUnavailable(`unexpected ${reply.type}`);
    return { records: reply.records, duplicate: reply.duplicate, heldBack: reply.heldBack };
  }

  /** Joins the group (for `types` only, if given); in a deterministic run resolves once the broker has the member. */
  subscribe(
    group: string,
    topics: string[],
    onDeliver: (d: Delivery) => void,
    types?: string[],
  ): Promise<void> {
    this.subscription = { group, topics, onDeliver, ...(types ? { types: [...types] } : {}) };
    if (this.stepped) return this.resubscribe();
    void this.resubscribe();
    // A member that stops beating is dropped by the broker, as a Kafka session times out.
    this.heartbeat ??= setInterval(
      () => this.send({ type: 'heartbeat', group, member: this.self }),
      this.heartbeatMs,
    );
    return Promise.resolve();
  }

  /** In a deterministic run, resolves once the offset is durable; otherwise at once. */
  ack(group: string, topic: string, partition: number, offset: number): Promise<void> {
    return this.tell({ type: 'ack', group, topic, partition, offset });
  }

  nack(group: string, topic: string, partition: number, offset: number, error: string): Promise<void> {
    return this.tell({ type: 'nack', group, topic, partition, offset, error });
  }

  /** Fire-and-forget in a live run; confirmed by the broker in a deterministic one. */
  private async tell(
    request: Confirmed<Extract<BrokerRequest, { type: 'ack' | 'nack' | 'subscribe' }>>,
  ): Promise<void> {
    if (!this.stepped) return this.send(request as BrokerRequest);
    await this.request({ ...request, from: this.self });
  }

  private request(request: Confirmed<Exclude<BrokerRequest, { type: 'heartbeat' }>>): Promise<BrokerReply> {
    const reqId = `${this.self}-${this.session ? `${this.session}-` : ''}${++this.nextReq}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(reqId);
        reject(
          new BrokerUnavailable(`broker did not confirm ${request.type} within ${this.publishTimeoutMs} ms`),
        );
      }, this.publishTimeoutMs);
      this.waiting.set(reqId, { resolve, reject, timer });
      this.send({
        ...request,
        reqId,
        ...(this.stepClock ? { at: this.stepClock.now() } : {}),
      } as BrokerRequest);
    });
  }

  close(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const w of this.waiting.values()) {
      clearTimeout(w.timer);
      w.reject(new BrokerUnavailable('client closed'));
    }
    this.waiting.clear();
    this.toBroker.close();
    this.inbound.close();
    this.brokerEvents.close();
  }

  private resubscribe(): Promise<void> {
    const s = this.subscription;
    return s
      ? this.tell({
          type: 'subscribe',
          from: this.self,
          group: s.group,
          member: this.self,
          topics: s.topics,
          ...(s.types ? { types: s.types } : {}),
          ...(this.session ? { session: this.session } : {}),
        })
      : Promise.resolve();
  }

  private send(request: BrokerRequest): void {
    this.toBroker.post(request);
  }

  private onReply(reply: BrokerReply): void {
    if (reply.type === 'deliver') {
      if (reply.session === undefined || reply.session === this.session) this.subscription?.onDeliver(reply);
      return;
    }
    const w = this.waiting.get(reply.reqId);
    if (!w) return;
    this.waiting.delete(reply.reqId);
    clearTimeout(w.timer);
    w.resolve(reply);
  }
}
