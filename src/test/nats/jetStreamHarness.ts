// Test code: JetStream ports on a test server, reached over WebSocket the way
// a browser worker reaches it (nats-core's wsconnect, with the `ws` package
// as Node 20's missing WebSocket), a consumer that records what it gets, and
// the suite setup every JetStream test file shares.

import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { wsconnect, type ConnectionOptions, type NatsConnection } from '@nats-io/nats-core';
import WebSocket from 'ws';
import { makeEvent, type CloudEvent, type LogRecord } from '../../core/envelope';
import type { Fact } from '../../core/telemetry';
import type { BrokerPort, Delivery } from '../../core/broker/brokerPort';
import type { JetStreamConfig } from '../../core/broker/nats/jetStreamConfig';
import { JetStreamPort } from '../../core/broker/nats/JetStreamPort';
import { findNatsServer, startNatsServer, type NatsTestServer } from './natsTestServer';

/** wsconnect over the `ws` package: the same client code a worker runs, without a WebSocket global. */
export function nodeWsConnect(options: ConnectionOptions): Promise<NatsConnection> {
  return wsconnect({
    ...options,
    wsFactory: async (url: string) => ({
      socket: new WebSocket(url) as unknown as globalThis.WebSocket,
      encrypted: false,
    }),
  });
}

export class Ports {
  private readonly open: JetStreamPort[] = [];
  readonly facts: Fact[] = [];
  readonly errors: Error[] = [];
  /** Publishes the duplicate window dropped: event id and the offset it already had. */
  readonly duplicates: [string, number][] = [];

  constructor(private readonly wsUrl: string) {}

  async port(runId: string, config: Partial<JetStreamConfig> = {}): Promise<JetStreamPort> {
    const port = await JetStreamPort.open({
      runId,
      servers: this.wsUrl,
      connect: nodeWsConnect,
      name: `test-${runId}`,
      config,
      emit: (fact) => this.facts.push(fact),
      onError: (error) => this.errors.push(error),
      onDuplicate: (e, offset) => this.duplicates.push([e.id, offset]),
    });
    this.open.push(port);
    return port;
  }

  /** Closes every port still open (a test's killed ones are closed already). */
  async closeAll(): Promise<void> {
    const ports = this.open.splice(0);
    for (const port of ports) port.close();
    await Promise.all(ports.map((p) => p.closed));
  }
}

let seq = 0;
/** An event of aggregate `subject` (the partition key). */
export function event(subject: string, type = 'OrderPlaced', data: unknown = {}): CloudEvent {
  const id = `e${++seq}-${subject}`;
  return makeEvent({ id, source: '/test', type, subject, time: '2026-12-02T00:00:00.000Z', data });
}

/**
 * A member of `group` that records every delivery and settles it as `decide` says
 * (ack by default; 'hold' leaves it unsettled, as a consumer that died on it would).
 */
export class Recorder {
  readonly deliveries: LogRecord[] = [];
  readonly acked: LogRecord[] = [];

  constructor(
    private readonly port: BrokerPort,
    readonly group: string,
    private readonly decide: (record: LogRecord) => 'ack' | 'nack' | 'hold' = () => 'ack',
  ) {}

  start(topics: string[]): Promise<void> {
    return this.port.subscribe(this.group, topics, (d) => void this.take(d));
  }

  private async take(delivery: Delivery): Promise<void> {
    for (const record of delivery.records) {
      this.deliveries.push(record);
      const verdict = this.decide(record);
      if (verdict === 'hold') return;
      if (verdict === 'nack') {
        await this.port.nack(this.group, record.topic, record.partition, record.offset, 'handler failed');
        return;
      }
      await this.port.ack(this.group, record.topic, record.partition, record.offset);
      this.acked.push(record);
    }
  }
}

export const ids = (records: LogRecord[]): string[] => records.map((r) => r.event.id);

/** The nats-server binary, or null: a suite is skipped without it (CI installs it). */
export const natsBinary = findNatsServer();
if (!natsBinary)
  console.warn('nats-server is not installed: the JetStream tests are skipped (apt-get install nats-server)');

export interface NatsSuite {
  readonly server: NatsTestServer;
  /** This test's ports, closed after it. */
  readonly ports: Ports;
  /** A run id of its own, so a test has streams of its own. */
  runId(): string;
}

/** One server for the describe block it is called in (stopped after it), fresh ports per test. */
export function natsSuite(): NatsSuite {
  let server: NatsTestServer | null = null;
  let ports: Ports | null = null;
  let runs = 0;
  beforeAll(async () => {
    server = await startNatsServer(natsBinary!);
  });
  beforeEach(() => {
    ports = new Ports(server!.wsUrl);
  });
  afterEach(() => ports?.closeAll());
  afterAll(() => server?.stop());
  return {
    get server() {
      return server!;
    },
    get ports() {
      return ports!;
    },
    runId: () => `run-${++runs}`,
  };
}
