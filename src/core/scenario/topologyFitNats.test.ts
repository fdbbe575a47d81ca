// The cross-field checks of a shop run on NATS JetStream: the broker field, its address, and the topologies
// and modes that can honour it.

import { describe, expect, it } from 'vitest';
import { decodeScenario } from './link';
import type { Scenario } from './scenario';
import { asks, linkOf, refusal } from './topologyFitCases';

describe('a shop run on NATS JetStream', () => {
  const nats = { broker: 'nats', natsUrl: 'ws://127.0.0.1:8080' } as const;

  it('opens with a ws:// or wss:// address, live or deterministic (which stays on the local broker)', () => {
    for (const natsUrl of [
      'ws://127.0.0.1:8080',
      'wss://nats.example.org/ws',
      'ws://[::1]:4223',
      'ws://nats',
    ])
      expect(refusal({ broker: 'nats', natsUrl }), natsUrl).toBe('opened');
    expect(refusal({ ...nats, mode: 'deterministic' })).toBe('opened');
    expect(
      refusal({ ...nats, faults: [{ kind: 'crash', service: 'payment', point: 'before-commit', nth: 1 }] }),
    ).toBe('opened');
  });

  it('refuses an address that is not a WebSocket URL, each with its reason', () => {
    const expected =
      "natsUrl: expected the NATS server's WebSocket address, ws://host:port or wss://host:port (or nothing)";
    for (const natsUrl of [
      'http://127.0.0.1:8080',
      'nats://127.0.0.1:4222',
      'ws://',
      'ws://a b',
      'ws://u:p@host:1',
    ]) {
      const decoded = decodeScenario(linkOf({ broker: 'nats', natsUrl }));
      expect(decoded.ok || [decoded.error.code, decoded.error.message], natsUrl).toEqual([
        'MPP026',
        `This link's scenario has settings the playground cannot use: ${expected}, got ${JSON.stringify(natsUrl).slice(0, 19)}${JSON.stringify(natsUrl).length > 20 ? '…' : JSON.stringify(natsUrl).slice(19)}.`,
      ]);
    }
    const long = decodeScenario(linkOf({ broker: 'nats', natsUrl: `ws://${'a'.repeat(250)}` }));
    expect(long.ok || long.error.message).toMatch(/natsUrl: expected a URL of at most 200 characters/);
    const notText = decodeScenario(linkOf({ broker: 'nats', natsUrl: 8080 }));
    expect(notText.ok || notText.error.code).toBe('MPP026');
  });

  it('refuses nats without an address, and an address without nats', () => {
    expect(refusal({ broker: 'nats' })).toBe(
      asks(
        'shop',
        "natsUrl: missing: a run on broker nats needs the NATS server's WebSocket address (ws://host:port)",
      ),
    );
    expect(refusal({ natsUrl: 'ws://127.0.0.1:8080' })).toBe(
      asks(
        'shop',
        "natsUrl: only a run on broker nats reads it, and this one's broker is local (set broker to nats, or leave natsUrl out)",
      ),
    );
  });

  it('refuses nats for the event-sourced and CDC runs: only the shop runs on it for now', () => {
    expect(refusal({ ...nats, topology: 'event-sourced' })).toBe(
      asks(
        'event-sourced',
        'broker: an event-sourced run has no broker, so it cannot run on nats, got "nats"',
      ),
    );
    expect(refusal({ ...nats, topology: 'cdc' })).toBe(
      asks(
        'cdc',
        'broker: a change-data-capture run runs on the local broker only for now (only a shop run can run on nats), got "nats"',
      ),
    );
  });

  it('opens a live run on nats with every broker fault the shop stages, as a deterministic one', () => {
    const faults: Scenario['faults'] = [
      { kind: 'broker-outage', publishes: 2 },
      { kind: 'duplicate', group: 'payment', type: 'OrderCreated' },
      { kind: 'delay', group: 'inventory', type: 'OrderCreated', ms: 500 },
      { kind: 'slow', group: 'payment', factor: 3 },
    ];
    expect(refusal({ ...nats, faults })).toBe('opened');
    expect(refusal({ ...nats, mode: 'deterministic', faults })).toBe('opened');
  });
});
