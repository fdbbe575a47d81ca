import { describe, expect, it } from 'vitest';
import { durableName, natsToken, partitionNames } from './natsNames';

describe('JetStream names of a run', () => {
  it('gives each topic partition a stream and a subject of its own', () => {
    expect(partitionNames('room-42', 'order-events', 2)).toEqual({
      stream: 'room-2d42_order-2devents_2',
      subject: 'room-2d42.order-2devents.2',
    });
  });

  it('keeps dots, wildcards and spaces out of every token, and distinct names distinct', () => {
    const names = ['outbox.event.Order', 'outbox_event_Order', 'outbox-event-Order', 'a*b', 'a>b', 'a b'];
    const tokens = names.map(natsToken);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9-]+$/);
    expect(new Set(tokens).size).toBe(names.length);
    expect(durableName('payment')).toBe('payment');
  });
});
