import { describe, expect, it } from 'vitest';
import {
  committedText,
  correlationOf,
  envelopeOf,
  inspectKind,
  linkTarget,
  momentOfCommit,
  timeText,
} from './inspectorFormat';

const outboxRow = {
  seq: 1,
  id: 'e-1',
  aggregatetype: 'order',
  aggregateid: 'o-1',
  type: 'OrderCreated',
  payload: { total: 5 },
  correlationid: 'o-1',
  causationid: 'e-1',
  created_at: 0,
  published_at: null,
};

describe('the inspector’s text', () => {
  it('gives an outbox row the CloudEvent its relay publishes, and a broker record its own', () => {
    const outbox = envelopeOf({ kind: 'outbox', service: 'order', item: outboxRow });
    expect(outbox?.title).toMatch(/CloudEvents/);
    expect(JSON.parse(outbox!.json)).toMatchObject({
      specversion: '1.0',
      id: 'e-1',
      source: '/services/order',
      type: 'OrderCreated',
      subject: 'o-1',
      data: { total: 5 },
      correlationid: 'o-1',
    });
    const event = { id: 'e-1', type: 'OrderCreated' };
    const record = envelopeOf({ kind: 'record', service: 'broker', item: { topic: 'order', event } });
    expect(JSON.parse(record!.json)).toEqual(event);
  });

  it('gives a captured change its Debezium envelope, with the seq as source.sequence', () => {
    const change = {
      seq: 7,
      table: 'listings',
      key: 'l-1',
      op: 'c',
      before: null,
      after: { id: 'l-1' },
      source: { service: 'listings', table: 'listings', txId: 't1' },
      ts_ms: 3,
    };
    const envelope = envelopeOf({ kind: 'change', service: 'listings', item: change });
    expect(envelope?.title).toMatch(/Debezium/);
    expect(JSON.parse(envelope!.json)).toEqual({
      before: null,
      after: { id: 'l-1' },
      op: 'c',
      source: { service: 'listings', table: 'listings', txId: 't1', sequence: 7 },
      ts_ms: 3,
    });
  });

  it('gives a business row no envelope', () => {
    expect(envelopeOf({ kind: 'orders', service: 'order', item: { id: 'o-1' } })).toBeNull();
  });

  it('says when an item was committed: at a step in a stepped run, at a time in a live one', () => {
    expect(committedText({ seq: 4, at: 1500, step: 3 })).toBe('Committed at step 3 · time 1.500 s');
    expect(committedText({ seq: 4, at: 1500, step: null })).toBe('Committed at time 1.500 s');
    expect(committedText(null)).toMatch(/No recorded transaction/);
    expect(timeText(Date.UTC(2026, 0, 1, 10, 0, 0, 42))).toMatch(/^\d\d:00:00\.042$/);
  });

  it('asks inspect for a link by its service, and moves to its commit', () => {
    const target = linkTarget({ kind: 'inbox', service: 'payment', id: 'e-1', via: 'x' });
    expect(inspectKind(target)).toBe('payment/inbox');
    expect(inspectKind({ kind: 'saga', id: 's-1' })).toBe('saga');
    expect(momentOfCommit({ seq: 1, at: 20, step: 2 })).toEqual({ time: 20, step: 2 });
    expect(momentOfCommit(null)).toBeNull();
  });

  it('finds the order an item belongs to', () => {
    expect(correlationOf({ kind: 'outbox', item: outboxRow })).toBe('o-1');
    expect(correlationOf({ kind: 'record', item: { event: { correlationid: 'o-2' } } })).toBe('o-2');
    expect(correlationOf({ kind: 'saga', item: { id: 's-1', orderId: 'o-3' } })).toBe('o-3');
    expect(correlationOf({ kind: 'orders', item: { id: 'o-1' } })).toBeNull();
  });
});
