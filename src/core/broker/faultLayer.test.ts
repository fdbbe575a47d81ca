import { describe, expect, it } from 'vitest';
import { makeEvent, type LogRecord } from '../envelope';
import type { Fact } from '../telemetry';
import type { Delivery, FetchedBatch, HoldablePort } from './brokerPort';
import { withBrokerFaults } from './faultLayer';
import { BrokerFaults } from './faults';

/** A port that is not the broker's: it records what the layer asked of it, as another implementation would see it. */
class RecordingPort implements HoldablePort {
  readonly calls: string[] = [];
  next: LogRecord[] = [];
  pushTo: ((delivery: Delivery) => void) | null = null;

  publish(messages: { topic: string }[]): Promise<number[]> {
    this.calls.push(`publish ${messages.length}`);
    return Promise.resolve(messages.map((_, i) => i));
  }
  subscribe(group: string, _topics: string[], onDeliver: (delivery: Delivery) => void): Promise<void> {
    this.calls.push(`subscribe ${group}`);
    this.pushTo = onDeliver;
    return Promise.resolve();
  }
  fetch(): Promise<FetchedBatch> {
    return Promise.resolve({ records: this.next, duplicate: false, heldBack: false });
  }
  ack(group: string, topic: string, partition: number, offset: number): Promise<void> {
    this.calls.push(`ack ${group} ${topic}#${partition}@${offset}`);
    return Promise.resolve();
  }
  nack(group: string, topic: string, partition: number, offset: number, error: string): Promise<void> {
    this.calls.push(`nack ${group} ${topic}#${partition}@${offset} ${error}`);
    return Promise.resolve();
  }
  holdBack(group: string, topic: string, partition: number, offset: number, ms: number): Promise<void> {
    this.calls.push(`hold ${group} ${topic}#${partition}@${offset} ${ms}`);
    return Promise.resolve();
  }
  close(): void {
    this.calls.push('close');
  }
}

const record = (offset: number, type: string): LogRecord => ({
  topic: 'order-events',
  partition: 1,
  offset,
  event: makeEvent({ id: `e${offset}`, source: '/test', type, subject: 'o1', time: '', data: {} }),
});

function layered() {
  const port = new RecordingPort();
  const faults = new BrokerFaults();
  const facts: Fact[] = [];
  return { port, faults, facts, layer: withBrokerFaults(port, faults, (f) => facts.push(f)) };
}

const message = { topic: 'order-events', event: record(0, 'OrderCreated').event };

describe('the broker fault layer over any port', () => {
  it('refuses the armed number of publishes, reports the outage once, then lets publishes through', async () => {
    const { port, faults, facts, layer } = layered();
    faults.refusePublishes(2);
    await expect(layer.publish([message])).rejects.toThrow('broker outage: publish refused');
    await expect(layer.publish([message])).rejects.toThrow('broker outage: publish refused');
    await expect(layer.publish([message])).resolves.toEqual([0]);
    expect(port.calls).toEqual(['publish 1']);
    expect(facts).toEqual([{ kind: 'broker-fault', fault: 'broker-outage', group: null, type: null }]);
  });

  it('asks for a fetched batch twice once, only for the group and type armed', async () => {
    const { port, faults, facts, layer } = layered();
    faults.duplicateNext('payment', 'OrderCreated');
    port.next = [record(0, 'OrderCreated')];
    expect((await layer.fetch('inventory', 'order-events', 1, 8)).duplicate).toBe(false);
    expect((await layer.fetch('payment', 'order-events', 1, 8)).duplicate).toBe(true);
    expect((await layer.fetch('payment', 'order-events', 1, 8)).duplicate).toBe(false);
    expect(facts).toEqual([
      { kind: 'broker-fault', fault: 'duplicate', group: 'payment', type: 'OrderCreated' },
    ]);
  });

  it('hands a pushed batch over twice', async () => {
    const { port, faults, layer } = layered();
    faults.duplicateNext('payment', 'OrderCreated');
    const seen: number[] = [];
    await layer.subscribe('payment', ['order-events'], (d) => seen.push(d.records[0].offset));
    const delivery = {
      group: 'payment',
      topic: 'order-events',
      partition: 1,
      records: [record(3, 'OrderCreated')],
    };
    port.pushTo!(delivery);
    port.pushTo!(delivery);
    expect(seen).toEqual([3, 3, 3]);
  });

  it('holds a fetched batch back from its first offset, and the consumer sees nothing of it', async () => {
    const { port, faults, facts, layer } = layered();
    faults.delayNext('payment', 'OrderCreated', 500);
    port.next = [record(4, 'OrderCreated'), record(5, 'OrderCreated')];
    expect(await layer.fetch('payment', 'order-events', 1, 8)).toEqual({
      records: [],
      duplicate: false,
      heldBack: true,
    });
    expect(port.calls).toEqual(['hold payment order-events#1@4 500']);
    expect(facts).toEqual([{ kind: 'broker-fault', fault: 'delay', group: 'payment', type: 'OrderCreated' }]);
    expect((await layer.fetch('payment', 'order-events', 1, 8)).records).toHaveLength(2);
  });

  it('holds a pushed batch back instead of handing it over', async () => {
    const { port, faults, layer } = layered();
    faults.delayNext('payment', 'OrderCreated', 500);
    const seen: number[] = [];
    await layer.subscribe('payment', ['order-events'], (d) => seen.push(d.records[0].offset));
    port.pushTo!({
      group: 'payment',
      topic: 'order-events',
      partition: 1,
      records: [record(7, 'OrderCreated')],
    });
    expect(seen).toEqual([]);
    expect(port.calls).toContain('hold payment order-events#1@7 500');
  });

  it('passes acknowledgements, nacks and close straight through', async () => {
    const { port, layer } = layered();
    await layer.ack('payment', 'order-events', 1, 9);
    await layer.nack('payment', 'order-events', 1, 10, 'boom');
    layer.close();
    expect(port.calls).toEqual([
      'ack payment order-events#1@9',
      'nack payment order-events#1@10 boom',
      'close',
    ]);
  });
});
