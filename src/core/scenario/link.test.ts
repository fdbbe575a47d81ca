import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Fault } from '../faults/faultPlan';
import {
  DECODERS,
  decodeScenario,
  encodeScenario,
  MAX_PAYLOAD_CHARS,
  scenarioLink,
  type DecodeResult,
  type LinkError,
  type LinkErrorKind,
} from './link';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { validateScenario } from './validate';

const EVERY_KIND_OF_FAULT: Fault[] = [
  { kind: 'crash', service: 'payment', point: 'after-commit-before-publish', nth: 1 },
  { kind: 'crash', service: 'order', point: 'coordinator-after-prepare', nth: 1000, downMs: 600_000 },
  { kind: 'duplicate', group: 'inventory', type: 'PaymentCompleted' },
  { kind: 'duplicate', group: 'order', type: 'ShipmentScheduled' },
  { kind: 'broker-outage', publishes: 1 },
  { kind: 'broker-outage', publishes: 1000 },
  { kind: 'delay', group: 'shipping', type: 'InventoryReserved', ms: 1 },
  { kind: 'delay', group: 'payment', type: 'OrderCreated', ms: 600_000 },
  { kind: 'slow', group: 'shipping', factor: 2 },
  { kind: 'slow', group: 'inventory', factor: 100 },
];

const EVERYTHING_CHANGED: Scenario = {
  version: 1,
  ordering: 'two-phase-commit',
  publishing: 'dual-write',
  sagaStyle: 'orchestration',
  inbox: false,
  idempotencyKeys: false,
  semanticLocks: false,
  pace: 'fast',
  mode: 'deterministic',
  seed: 0xffffffff,
  orders: 500,
  faults: EVERY_KIND_OF_FAULT,
  data: [
    { service: 'inventory', table: 'stock', row: { sku: 'SKU-MUG', available: 0, reserved: 0 } },
    { service: 'payment', table: 'customers', row: { id: 'dave', credit: 10, cardDeclined: true } },
    { service: 'shipping', table: 'regions', row: { id: 'MOON', served: true } },
  ],
  speed: 0.25,
  at: 50_000,
  guide: 'combining-patterns',
  // The guide's first question (its checkpoint 1).
  checkpoint: 1,
  // The shop is the topology that reads every switch above; snapshotEvery is the event-sourced run's (below).
  topology: 'shop',
  snapshotEvery: 100,
  relay: 'log-tailing',
  // A deterministic run asking for NATS: valid, and run on the local broker (the page says so).
  broker: 'nats',
  natsUrl: 'wss://nats.example.org:8443/ws',
  // A workshop run is live only (topologyFitWorkshop.test.ts round-trips one).
  services: null,
  run: '',
};

/** The settings an event-sourced run reads, each changed, with a crash at a point its bank reaches. */
const EVENT_SOURCED_CHANGED: Scenario = {
  ...DEFAULT_SCENARIO,
  mode: 'deterministic',
  seed: 7,
  orders: 12,
  faults: [
    { kind: 'crash', service: 'bank', point: 'transfer-after-debit-before-credit', nth: 2, downMs: 10 },
  ],
  pace: 'fast',
  speed: 4,
  at: 30,
  guide: 'es-bank',
  topology: 'event-sourced',
  snapshotEvery: 0,
};

/** A link whose payload is exactly `bytes` deflated, bypassing the encoder's JSON step. */
function linkOfBytes(bytes: Uint8Array, version = 1): string {
  return `#s/v${version}/${toBase64Url(deflateSync(bytes))}`;
}

function linkOfJson(text: string, version = 1): string {
  return linkOfBytes(new TextEncoder().encode(text), version);
}

function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function failure(result: DecodeResult): LinkError {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.scenario)}`);
  return result.error;
}

describe('scenario links: round trips', () => {
  it('opens the default as the default, from a short link', () => {
    const link = encodeScenario(DEFAULT_SCENARIO);
    expect(link.startsWith('#s/v1/')).toBe(true);
    // Only differences travel, so the default is an empty object: `{}` deflates to a few bytes.
    expect(link.length).toBeLessThanOrEqual(12);
    expect(decodeScenario(link)).toEqual({ ok: true, scenario: DEFAULT_SCENARIO });
  });

  it('carries only the fields that differ', () => {
    const link = encodeScenario({ ...DEFAULT_SCENARIO, seed: 42 });
    const payload = link.slice('#s/v1/'.length);
    expect(DECODERS[1]).toBeTypeOf('function');
    expect(decodeScenario(link)).toEqual({ ok: true, scenario: { ...DEFAULT_SCENARIO, seed: 42 } });
    expect(payload.length).toBeLessThan(20);
    expect(link.length).toBeLessThan(encodeScenario(EVERYTHING_CHANGED).length);
  });

  it('round-trips a scenario with every field changed and every kind of fault', () => {
    for (const scenario of [EVERYTHING_CHANGED, EVENT_SOURCED_CHANGED]) {
      expect(validateScenario(scenario)).toEqual({ ok: true, scenario });
      const decoded = decodeScenario(encodeScenario(scenario));
      expect(decoded).toEqual({ ok: true, scenario });
    }
  });

  it('round-trips the largest scenario allowed, within the payload limit', () => {
    const faults = Array.from({ length: 50 }, (_, i) => EVERY_KIND_OF_FAULT[i % EVERY_KIND_OF_FAULT.length]);
    const largest = { ...EVERYTHING_CHANGED, faults };
    const link = encodeScenario(largest);
    expect(link.length).toBeLessThan(MAX_PAYLOAD_CHARS);
    expect(decodeScenario(link)).toEqual({ ok: true, scenario: largest });
  });

  it('builds a full link from a base URL, replacing any hash it had', () => {
    const link = scenarioLink('http://localhost:5173/#s/v1/old', {
      ...DEFAULT_SCENARIO,
      mode: 'deterministic',
    });
    expect(link.startsWith('http://localhost:5173/#s/v1/')).toBe(true);
    expect(link).not.toContain('old');
    expect(decodeScenario(link)).toEqual({
      ok: true,
      scenario: { ...DEFAULT_SCENARIO, mode: 'deterministic' },
    });
  });
});

describe('scenario links: what cannot be opened, and why', () => {
  it('not a link', () => {
    for (const hash of [
      '',
      '#',
      '#about',
      '#s/',
      '#s/1/abc',
      '#s/v/abc',
      '#s/v1',
      '#s/v01/qwYA',
      'https://x.test/',
    ]) {
      const error = failure(decodeScenario(hash));
      expect(error.kind, hash).toBe('not-a-link');
      expect(error.message).toBe(
        'This address holds no playground scenario: a scenario link ends in #s/v1/ followed by its settings.',
      );
    }
  });

  it('wrong version: newer than this playground', () => {
    const error = failure(decodeScenario(linkOfJson('{}', 99)));
    expect(error).toEqual({
      kind: 'wrong-version',
      code: 'MPP021',
      message: 'This link was made by a newer version of the playground (v99); this one reads v1.',
    });
  });

  it('wrong version: one that never existed', () => {
    const error = failure(decodeScenario(linkOfJson('{}', 0)));
    expect(error).toEqual({
      kind: 'wrong-version',
      code: 'MPP021',
      message: 'This link names scenario format v0, which the playground never wrote; this one reads v1.',
    });
  });

  it('oversized: too much text', () => {
    const error = failure(decodeScenario(`#s/v1/${'A'.repeat(MAX_PAYLOAD_CHARS + 1)}`));
    expect(error.kind).toBe('oversized');
    expect(error.message).toBe(
      "This link's scenario is 8193 characters long, more than the 8192 a scenario can take; it was not opened.",
    );
  });

  it('oversized: a small payload that unpacks past 64 kB (a zip bomb) is refused', () => {
    const bomb = linkOfJson(`{"x":"${' '.repeat(1024 * 1024)}"}`);
    expect(bomb.length).toBeLessThan(MAX_PAYLOAD_CHARS);
    const error = failure(decodeScenario(bomb));
    expect(error.kind).toBe('oversized');
    expect(error.message).toBe(
      "This link's scenario unpacks to more than 64 kB, far more than any scenario needs; it was not opened.",
    );
  });

  it('bad base64', () => {
    for (const payload of ['ab+c', 'ab/c', 'abc=', 'a b', 'abcde', '%41%42']) {
      const error = failure(decodeScenario(`#s/v1/${payload}`));
      expect(error.kind, payload).toBe('bad-base64');
      expect(error.message).toMatch(
        /^This link's scenario is damaged: it has characters a share link never contains/,
      );
    }
  });

  it('bad compression: valid base64 of bytes that are not deflate', () => {
    // 0xff opens a block of type 3, which deflate does not have.
    const notDeflate = toBase64Url(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    for (const payload of [notDeflate, '']) {
      const error = failure(decodeScenario(`#s/v1/${payload}`));
      expect(error.kind, payload).toBe('bad-compression');
      expect(error.message).toMatch(/^This link's scenario is damaged: its packed settings do not unpack/);
    }
  });

  it('bad JSON: valid deflate of text that is not JSON, or of bytes that are not text', () => {
    for (const link of [linkOfJson('{nope'), linkOfBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))]) {
      expect(failure(decodeScenario(link))).toEqual({
        kind: 'bad-json',
        code: 'MPP025',
        message: "This link's scenario unpacks, but not into readable settings (it is not valid JSON text).",
      });
    }
  });

  it('schema: a value out of range', () => {
    expect(failure(decodeScenario(linkOfJson('{"orders": -1}')))).toEqual({
      kind: 'schema',
      code: 'MPP026',
      message:
        "This link's scenario has settings the playground cannot use: orders: expected an integer from 0 to 500, got -1.",
    });
  });

  it('schema: an unknown key, including one that tries to be a prototype', () => {
    expect(failure(decodeScenario(linkOfJson('{"sped": 3}'))).message).toBe(
      "This link's scenario has settings the playground cannot use: sped: unknown setting.",
    );
    expect(failure(decodeScenario(linkOfJson('{"__proto__": {"orders": 7}}'))).message).toBe(
      "This link's scenario has settings the playground cannot use: __proto__: unknown setting.",
    );
    expect(({} as Record<string, unknown>).orders).toBeUndefined();
  });

  it('schema: each bad fault field is named by its path', () => {
    const cases: [string, string][] = [
      [
        '{"faults":[{"kind":"crash","service":"order","point":"lunch","nth":1}]}',
        'faults[0].point: expected one of before-commit, after-commit-before-publish, relay-after-publish-before-mark, consumer-after-commit-before-ack, direct-after-charge, coordinator-after-prepare, es-after-append-before-snapshot, transfer-after-debit-before-credit, projection-before-checkpoint-commit, cdc-after-publish-before-position, cdc-during-snapshot, got "lunch"',
      ],
      [
        '{"faults":[{"kind":"slow","group":"order","factor":3},{"kind":"crash","service":"order","point":"before-commit","nth":0}]}',
        'faults[1].nth: expected an integer from 1 to 1000, got 0',
      ],
      ['{"faults":[{"kind":"crash","service":"order","point":"before-commit"}]}', 'faults[0].nth: missing'],
      [
        '{"faults":[{"kind":"duplicate","group":"bank","type":"OrderCreated"}]}',
        'faults[0].group: expected one of order, payment, inventory, shipping, orchestrator, got "bank"',
      ],
      [
        '{"faults":[{"kind":"delay","group":"order","type":"<script>","ms":5}]}',
        'faults[0].type: expected an event type name: a letter, then letters or digits, got "<script>"',
      ],
      [
        '{"faults":[{"kind":"delay","group":"order","type":"OrderCreated","ms":1.5}]}',
        'faults[0].ms: expected an integer from 1 to 600000, got 1.5',
      ],
      [
        '{"faults":[{"kind":"broker-outage","publishes":1001}]}',
        'faults[0].publishes: expected an integer from 1 to 1000, got 1001',
      ],
      [
        '{"faults":[{"kind":"slow","group":"order","factor":1}]}',
        'faults[0].factor: expected an integer from 2 to 100, got 1',
      ],
      [
        '{"faults":[{"kind":"meteor"}]}',
        'faults[0].kind: expected a fault kind: crash, duplicate, broker-outage, delay or slow, got "meteor"',
      ],
      [
        '{"faults":[{"kind":"broker-outage","publishes":1,"extra":true}]}',
        'faults[0].extra: unknown setting',
      ],
      ['{"faults":[{"kind":"delay","group":"order","ms":5}]}', 'faults[0].type: missing'],
      [
        '{"faults":[{"kind":"slow","group":"order","factor":null}]}',
        'faults[0].factor: expected an integer from 2 to 100, got null',
      ],
      ['{"seed": 4294967296}', 'seed: expected an integer from 0 to 4294967295, got 4294967296'],
      ['{"pace": "slow"}', 'pace: expected one of teaching, fast, got "slow"'],
      ['{"inbox": "yes"}', 'inbox: expected true or false, got "yes"'],
      ['[1, 2]', 'scenario: expected an object of scenario settings, got a list of 2'],
    ];
    for (const [json, problem] of cases) {
      expect(failure(decodeScenario(linkOfJson(json))), json).toEqual({
        kind: 'schema',
        code: 'MPP026',
        message: `This link's scenario has settings the playground cannot use: ${problem}.`,
      });
    }
  });

  it('schema: more than 50 faults, and several problems at once', () => {
    const faults = Array.from({ length: 51 }, () => ({ kind: 'broker-outage', publishes: 1 }));
    expect(failure(decodeScenario(linkOfJson(JSON.stringify({ faults })))).message).toBe(
      "This link's scenario has settings the playground cannot use: faults: expected at most 50 faults, got a list of 51.",
    );
    expect(failure(decodeScenario(linkOfJson('{"orders": 501, "seed": -1, "mode": "x"}'))).message).toBe(
      'This link\'s scenario has settings the playground cannot use: mode: expected one of live, deterministic, got "x" (and 2 more).',
    );
  });

  it('never echoes more than a little of what the link says', () => {
    const long = 'A'.repeat(500);
    const message = failure(
      decodeScenario(linkOfJson(`{"${long}": "${long}", "ordering": "${long}"}`)),
    ).message;
    expect(message).not.toContain('A'.repeat(41));
    expect(message).toBe(
      `This link's scenario has settings the playground cannot use: ordering: expected one of messaging, direct-calls, two-phase-commit, got "${'A'.repeat(18)}… (and 1 more).`,
    );
  });

  it('a link cut in half fails as damaged, never throws', () => {
    for (const scenario of [EVERYTHING_CHANGED, { ...DEFAULT_SCENARIO, seed: 7, orders: 12 }]) {
      const link = encodeScenario(scenario);
      const cut = link.slice(0, '#s/v1/'.length + Math.floor((link.length - '#s/v1/'.length) / 2));
      const error = failure(decodeScenario(cut));
      expect(['bad-compression', 'bad-base64']).toContain(error.kind);
    }
  });

  it('every cut of a link fails cleanly, whatever its length', () => {
    const link = encodeScenario(EVERYTHING_CHANGED);
    const prefix = '#s/v1/'.length;
    const kinds = new Set<LinkErrorKind>();
    for (let end = prefix; end < link.length; end++)
      kinds.add(failure(decodeScenario(link.slice(0, end))).kind);
    expect([...kinds].sort()).toEqual(['bad-base64', 'bad-compression']);
  });
});
