// A service's side of the broker wire: publish and wait for the broker's
// durable acknowledgement, subscribe a consumer group, ack and nack.
// If the broker is down, publishes time out and the caller tries again later;
// when a broker comes back up it announces itself and we subscribe again.

import type { Channel, OpenChannel } from '../transport';
import { channelNames } from '../transport';
import type { LogRecord } from '../envelope';
import type { BrokerEvent, BrokerReply, BrokerRequest, OutgoingMessage } from './wire';

export class BrokerUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrokerUnavailable';
  }
}

export interface Delivery {
  group: string;
  topic: string;
  partition: number;
  records: LogRecord[];
}

interface Waiting {
  resolve: (offsets: number[]) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class BrokerClient {
  private readonly toBroker: Channel;
  private readonly inbound: Channel;
  private readonly brokerEvents: Channel;
  private readonly waiting = new Map<string, Waiting>();
  private subscription: { group: string; topics: string[]; onDeliver: (d: Delivery) => void } | null = null;
  private nextReq = 0;
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly self: string,
    runId: string,
    openChannel: OpenChannel,
    private readonly publishTimeoutMs = 2000,
    private readonly heartbeatMs = 1000,
  ) {
    const names = channelNames(runId);
    this.toBroker = openChannel(names.broker);
    this.inbound = openChannel(names.to(self));
    this.brokerEvents = openChannel(names.brokerEvents);
    this.inbound.onMessage((m) => this.onReply(m as BrokerReply));
    this.brokerEvents.onMessage((m) => {
      if ((m as BrokerEvent).type === 'broker.up') this.resubscribe();
    });
  }

  publish(messages: OutgoingMessage[]): Promise<number[]> {
    const reqId = `${this.self}-${++this.nextReq}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(reqId);
        reject(new BrokerUnavailable(`broker did not confirm publish within ${this.publishTimeoutMs} ms`));
      }, this.publishTimeoutMs);
      this.waiting.set(reqId, { resolve, reject, timer });
      this.send({ type: 'publish', reqId, from: this.self, messages });
    });
  }

  subscribe(group: string, topics: string[], onDeliver: (d: Delivery) => void): void {
    this.subscription = { group, topics, onDeliver };
    this.resubscribe();
    // A member that stops beating is dropped by the broker, as a Kafka session times out.
    this.heartbeat ??= setInterval(() => this.send({ type: 'heartbeat', group, member: this.self }), this.heartbeatMs);
  }

  ack(group: string, topic: string, partition: number, offset: number): void {
    this.send({ type: 'ack', group, topic, partition, offset });
  }

  nack(group: string, topic: string, partition: number, offset: number, error: string): void {
    this.send({ type: 'nack', group, topic, partition, offset, error });
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

  private resubscribe(): void {
    const s = this.subscription;
    if (s) this.send({ type: 'subscribe', from: this.self, group: s.group, member: this.self, topics: s.topics });
  }

  private send(request: BrokerRequest): void {
    this.toBroker.post(request);
  }

  private onReply(reply: BrokerReply): void {
    if (reply.type === 'deliver') {
      this.subscription?.onDeliver(reply);
      return;
    }
    const w = this.waiting.get(reply.reqId);
    if (!w) return;
    this.waiting.delete(reply.reqId);
    clearTimeout(w.timer);
    if (reply.type === 'publish.ok') w.resolve(reply.offsets);
    else w.reject(new BrokerUnavailable(reply.error));
  }
}
