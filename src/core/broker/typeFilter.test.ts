import { afterEach, describe, expect, it } from 'vitest';
import type { LogRecord } from '../envelope';
import { brokerAlone, eventOf, type BrokerAlone } from '../../test/brokerAlone';
import { until } from '../../test/until';
import { DEAD_LETTER_TOPIC } from './wire';
import { readLog } from './dump';

let b: BrokerAlone | undefined;
afterEach(() => {
  b?.close();
  b = undefined;
});

/** Publishes events of these types, in order, to one partition of topic `t`; returns their offsets. */
const publish = (types: string[], from = 0) =>
  b!
    .client(`pub${from}`)
    .publish(types.map((type, i) => ({ topic: 't', event: eventOf(`e${from + i}`, type) })));

const partitionOfT = () =>
  b!
    .broker()
    .stats()
    .partitions.find((p) => p.topic === 't' && p.endOffset > 0)!.partition;

/** Group g's cursor on the partition of topic t that holds the records. */
const cursor = () =>
  b!
    .broker()
    .stats()
    .groups.find((g) => g.group === 'g' && g.topic === 't' && g.partition === partitionOfT())!;

const stored = async (partition: number) => (await b!.db().offsets.get(['g', 't', partition]))?.committed;

describe('delivery filtered by event type (live)', () => {
  it('hands a member only its types, and commits past the rest once what came before is acked', async () => {
    b = await brokerAlone();
    const member = b.client('m');
    const got: LogRecord[] = [];
    await member.subscribe('g', ['t'], (d) => void got.push(...d.records), ['A']);
    await until(() =>
      b!
        .broker()
        .stats()
        .groups.some((g) => g.member === 'm'),
    );
    await publish(['A', 'B', 'A', 'B', 'B']);
    const p = partitionOfT();
    await until(() => got.length === 2);
    expect(got.map((r) => [r.offset, r.event.type])).toEqual([
      [0, 'A'],
      [2, 'A'],
    ]);
    // Nothing acknowledged: the B at offset 1 waits behind the A before it.
    expect(cursor().committed).toBe(0);

    await member.ack('g', 't', p, 0);
    await until(() => cursor().committed === 2); // past the skipped B, not past the A at 2
    await member.ack('g', 't', p, 2);
    await until(() => cursor().committed === 5);
    await until(() => b!.broker().status().pendingWrites === 0);
    expect(b.broker().status()).toEqual({ lag: 0, pendingWrites: 0 });
    expect(await stored(p)).toBe(5);
    expect(got).toHaveLength(2);
  });

  it('counts a partition holding only skipped records as caught up, before and after a restart', async () => {
    b = await brokerAlone();
    const member = b.client('m');
    const got: LogRecord[] = [];
    await member.subscribe('g', ['t'], (d) => void got.push(...d.records), ['A']);
    await until(() =>
      b!
        .broker()
        .stats()
        .groups.some((g) => g.member === 'm'),
    );
    await publish(['B', 'B', 'B']);
    const p = partitionOfT();
    await until(() => b!.broker().status().lag === 0 && b!.broker().status().pendingWrites === 0);
    expect(await stored(p)).toBe(3);

    await b.restart(); // the client hears broker.up and subscribes again, with its types
    await until(() =>
      b!
        .broker()
        .stats()
        .groups.some((g) => g.member === 'm'),
    );
    await publish(['B', 'A', 'B'], 3);
    await until(() => got.length === 1);
    expect(got[0]).toMatchObject({ offset: 4, event: { type: 'A' } });
    await member.ack('g', 't', p, 4);
    await until(() => b!.broker().status().lag === 0 && b!.broker().status().pendingWrites === 0);
    expect(await stored(p)).toBe(6);
    expect(got).toHaveLength(1);
  });

  it('retries and dead-letters only what it handed over, never a skipped record', async () => {
    b = await brokerAlone({ config: { maxAttempts: 2, retryBackoffMs: 5 } });
    const member = b.client('m');
    const got: LogRecord[] = [];
    await member.subscribe('g', ['t'], (d) => void got.push(...d.records), ['A']);
    await until(() =>
      b!
        .broker()
        .stats()
        .groups.some((g) => g.member === 'm'),
    );
    await publish(['A', 'B', 'A', 'B']);
    const p = partitionOfT();
    await until(() => got.length === 2);
    await member.ack('g', 't', p, 0);
    await member.nack('g', 't', p, 2, 'boom');
    await until(() => got.length === 3);
    expect(got[2]).toMatchObject({ offset: 2, attempt: 2, event: { type: 'A' } });
    await member.nack('g', 't', p, 2, 'boom again');
    await until(() => b!.broker().stats().deadLetters === 1);
    await until(() => cursor().committed === 4 && b!.broker().status().pendingWrites === 0);
    expect(got.map((r) => r.event.type)).toEqual(['A', 'A', 'A']);
    const letters = (await readLog(b.db())).filter((r) => r.topic === DEAD_LETTER_TOPIC);
    expect(letters.map((r) => r.event.type)).toEqual(['DeadLetter.A']);
  });
});

describe('delivery filtered by event type (deterministic)', () => {
  it('fetches only its types; an ack resolves once the offset past the skipped records is durable', async () => {
    b = await brokerAlone({ stepped: true });
    const member = b.client('m');
    await member.subscribe('g', ['t'], () => undefined, ['A']);
    await publish(['A', 'B', 'A', 'B']);
    const p = partitionOfT();
    const batch = await member.fetch('g', 't', p, 10);
    expect(batch.records.map((r) => [r.offset, r.event.type])).toEqual([
      [0, 'A'],
      [2, 'A'],
    ]);
    await member.ack('g', 't', p, 0);
    expect(await stored(p)).toBe(2);
    await member.ack('g', 't', p, 2);
    expect(await stored(p)).toBe(4);
    expect(b.broker().status()).toEqual({ lag: 0, pendingWrites: 0 });

    // Only skipped records left: the fetch hands nothing over and ends with the offset past them stored.
    await publish(['B', 'B'], 4);
    expect(b.broker().status().lag).toBe(2);
    expect((await member.fetch('g', 't', p, 10)).records).toEqual([]);
    expect(await stored(p)).toBe(6);
    expect(b.broker().status()).toEqual({ lag: 0, pendingWrites: 0 });
  });

  it('hands every type to a member that named none', async () => {
    b = await brokerAlone({ stepped: true });
    const member = b.client('m');
    await member.subscribe('g', ['t'], () => undefined);
    await publish(['A', 'B']);
    const batch = await member.fetch('g', 't', partitionOfT(), 10);
    expect(batch.records.map((r) => r.event.type)).toEqual(['A', 'B']);
  });
});
