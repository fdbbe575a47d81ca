import { describe, expect, it } from 'vitest';
import type { Fault } from '../faults/faultPlan';
import { readScenarioFile } from '../export/scenarioFile';
import { decodeScenario, encodeScenario } from './link';
import { asks, linkOf, refusal, RUN_NAMES } from './topologyFitCases';
import { DEFAULT_SCENARIO, TOPOLOGIES, type Scenario } from './scenario';
import { validateFaultPlan, validateScenario } from './validate';

const BROKER_FAULTS: [Fault, string][] = [
  [{ kind: 'duplicate', group: 'payment', type: 'OrderCreated' }, 'a duplicate delivery'],
  [{ kind: 'delay', group: 'payment', type: 'OrderCreated', ms: 10 }, 'a delayed delivery'],
  [{ kind: 'broker-outage', publishes: 2 }, 'a broker outage'],
  [{ kind: 'slow', group: 'payment', factor: 3 }, 'a slow consumer'],
];

describe('a scenario a topology cannot honour is refused by the link decoder', () => {
  it('a broker fault of any kind in an event-sourced run, which has no broker', () => {
    for (const [fault, name] of BROKER_FAULTS) {
      expect(refusal({ topology: 'event-sourced', faults: [fault] })).toBe(
        asks(
          'event-sourced',
          `faults[0].kind: ${name} is a broker fault, and an event-sourced run has no broker`,
        ),
      );
    }
  });

  it('a slow consumer in a CDC run: only a shop run grants a slow group fewer steps', () => {
    expect(refusal({ topology: 'cdc', faults: [{ kind: 'slow', group: 'payment', factor: 3 }] })).toBe(
      asks(
        'cdc',
        'faults[0].kind: a change-data-capture run cannot stage a slow consumer; its broker faults are duplicate, delay, broker-outage',
      ),
    );
  });

  it('a duplicate or delay aimed at a consumer group a CDC run does not have', () => {
    for (const [fault] of BROKER_FAULTS.slice(0, 2)) {
      expect(refusal({ topology: 'cdc', faults: [fault] })).toBe(
        asks(
          'cdc',
          'faults[0].group: a change-data-capture run has no consumer group payment; its consumer groups: query',
        ),
      );
    }
  });

  it('a broker fault aimed at the orchestrator of a choreographed saga, where it does not run', () => {
    const fault: Fault = { kind: 'duplicate', group: 'orchestrator', type: 'OrderCreated' };
    expect(refusal({ faults: [fault] })).toBe(
      asks(
        'shop',
        "faults[0].group: orchestrator runs only when sagaStyle is orchestration, and this scenario's is choreography",
      ),
    );
    expect(refusal({ sagaStyle: 'orchestration', faults: [fault] })).toBe('opened');
  });

  it('a crash of a process the topology does not have', () => {
    const crash = (service: string): Fault =>
      ({ kind: 'crash', service, point: 'before-commit', nth: 1 }) as Fault;
    expect(refusal({ topology: 'event-sourced', faults: [crash('payment')] })).toBe(
      asks(
        'event-sourced',
        'faults[0].service: an event-sourced run has no process payment; its processes: orders, bank, query',
      ),
    );
    expect(refusal({ topology: 'cdc', faults: [crash('bank')] })).toBe(
      asks(
        'cdc',
        'faults[0].service: a change-data-capture run has no process bank; its processes: listings, connector, query',
      ),
    );
    expect(refusal({ faults: [crash('listings')] })).toBe(
      asks(
        'shop',
        'faults[0].service: a shop run has no process listings; its processes: order, payment, inventory, shipping, orchestrator',
      ),
    );
    expect(refusal({ faults: [crash('orchestrator')] })).toBe(
      asks(
        'shop',
        "faults[0].service: orchestrator runs only when sagaStyle is orchestration, and this scenario's is choreography",
      ),
    );
  });

  it('a crash at a point the named process never reaches', () => {
    const cases: [Partial<Scenario>, string][] = [
      [
        {
          topology: 'event-sourced',
          faults: [{ kind: 'crash', service: 'orders', point: 'transfer-after-debit-before-credit', nth: 1 }],
        },
        'faults[0].point: orders never reaches transfer-after-debit-before-credit; it can crash at es-after-append-before-snapshot',
      ],
      [
        {
          topology: 'cdc',
          faults: [{ kind: 'crash', service: 'listings', point: 'cdc-during-snapshot', nth: 1 }],
        },
        'faults[0].point: listings never reaches cdc-during-snapshot; it can crash at before-commit',
      ],
      [
        { faults: [{ kind: 'crash', service: 'payment', point: 'direct-after-charge', nth: 1 }] },
        'faults[0].point: payment never reaches direct-after-charge; it can crash at before-commit, after-commit-before-publish, relay-after-publish-before-mark, consumer-after-commit-before-ack',
      ],
      [
        { faults: [{ kind: 'crash', service: 'order', point: 'es-after-append-before-snapshot', nth: 1 }] },
        'faults[0].point: order never reaches es-after-append-before-snapshot; it can crash at before-commit, after-commit-before-publish, relay-after-publish-before-mark, consumer-after-commit-before-ack, direct-after-charge, coordinator-after-prepare',
      ],
    ];
    for (const [settings, problem] of cases)
      expect(refusal(settings)).toBe(asks(settings.topology ?? 'shop', problem));
  });

  it("the shop's switches set away from their defaults on an event-sourced or CDC run", () => {
    const switches: [Partial<Scenario>, string][] = [
      [
        { ordering: 'direct-calls' },
        'ordering: %s does not read this setting (only a shop run does), so it stays messaging, got "direct-calls"',
      ],
      [
        { publishing: 'dual-write' },
        'publishing: %s does not read this setting (only a shop run does), so it stays outbox, got "dual-write"',
      ],
      [
        { sagaStyle: 'orchestration' },
        'sagaStyle: %s does not read this setting (only a shop run does), so it stays choreography, got "orchestration"',
      ],
      [
        { idempotencyKeys: false },
        'idempotencyKeys: %s does not read this setting (only a shop run does), so it stays true, got false',
      ],
      [
        { semanticLocks: false },
        'semanticLocks: %s does not read this setting (only a shop run does), so it stays true, got false',
      ],
      [
        { relay: 'log-tailing' },
        'relay: %s does not read this setting (only a shop run does), so it stays polling, got "log-tailing"',
      ],
    ];
    for (const topology of ['event-sourced', 'cdc'] as const) {
      for (const [setting, problem] of switches) {
        expect(refusal({ ...setting, topology })).toBe(
          asks(topology, problem.replace('%s', RUN_NAMES[topology])),
        );
      }
    }
    // Every run reads the inbox: an event-sourced query service commits each projection checkpoint with its
    // batch, a CDC one's history skips a change it already holds.
    for (const topology of ['event-sourced', 'cdc'] as const)
      expect(decodeScenario(encodeScenario({ ...DEFAULT_SCENARIO, topology, inbox: false })).ok).toBe(true);
  });

  it('snapshotEvery on a topology without event stores', () => {
    for (const topology of ['shop', 'cdc'] as const) {
      expect(refusal({ topology, snapshotEvery: 0 })).toBe(
        asks(
          topology,
          `snapshotEvery: ${RUN_NAMES[topology]} does not read this setting (only an event-sourced run does), so it stays 100, got 0`,
        ),
      );
    }
  });

  it('business rows for a service the topology lacks', () => {
    const data = [
      { service: 'inventory', table: 'stock', row: { sku: 'SKU-MUG', available: 0, reserved: 0 } },
    ];
    for (const topology of ['event-sourced', 'cdc'] as const) {
      expect(refusal({ topology, data } as Partial<Scenario>)).toBe(
        asks(topology, `data[0].service: ${RUN_NAMES[topology]} has no inventory service whose rows to set`),
      );
    }
  });

  it("a library guide told over another topology's run", () => {
    expect(refusal({ guide: 'es-bank' })).toBe(
      asks('shop', 'guide: es-bank is the story of an event-sourced run; this is a shop run'),
    );
    expect(refusal({ topology: 'cdc', guide: 'combining-patterns' })).toBe(
      asks('cdc', 'guide: combining-patterns is the story of a shop run; this is a change-data-capture run'),
    );
  });

  it('several problems: the first, and how many more', () => {
    expect(
      refusal({
        topology: 'event-sourced',
        idempotencyKeys: false,
        relay: 'log-tailing',
        faults: [{ kind: 'broker-outage', publishes: 1 }],
      }),
    ).toBe(
      'This link asks an event-sourced run for something it cannot do: idempotencyKeys: an event-sourced run does not read this setting (only a shop run does), so it stays true, got false (and 2 more).',
    );
    const validation = validateScenario({
      ...DEFAULT_SCENARIO,
      topology: 'event-sourced',
      idempotencyKeys: false,
      relay: 'log-tailing',
    });
    expect(validation).toEqual({
      ok: false,
      unfit: 'event-sourced',
      problems: [
        'idempotencyKeys: an event-sourced run does not read this setting (only a shop run does), so it stays true, got false',
        'relay: an event-sourced run does not read this setting (only a shop run does), so it stays polling, got "log-tailing"',
      ],
    });
  });

  it('a scenario file is refused the same way, with every problem listed', () => {
    const read = readScenarioFile(
      JSON.stringify({
        ...DEFAULT_SCENARIO,
        topology: 'event-sourced',
        faults: [{ kind: 'broker-outage', publishes: 1 }],
      }),
    );
    expect(read).toEqual({
      ok: false,
      error: {
        kind: 'unfit',
        code: 'MPP045',
        message: 'This scenario asks an event-sourced run for something it cannot do (one problem):',
        problems: [
          'faults[0].kind: a broker outage is a broker fault, and an event-sourced run has no broker',
        ],
      },
    });
  });
});

describe('what every topology accepts', () => {
  it('deterministic mode, orders, seed, position, speed and pace, on all three', () => {
    for (const topology of TOPOLOGIES) {
      const scenario: Scenario = {
        ...DEFAULT_SCENARIO,
        topology,
        mode: 'deterministic',
        orders: 5,
        seed: 99,
        at: 40,
        speed: 2,
        pace: 'fast',
      };
      expect(decodeScenario(encodeScenario(scenario)), topology).toEqual({ ok: true, scenario });
    }
  });

  it('the local broker, the default, everywhere; a broker the playground does not have, nowhere', () => {
    for (const topology of TOPOLOGIES)
      expect(decodeScenario(linkOf({ topology, broker: 'local' })).ok, topology).toBe(true);
    const kafka = decodeScenario(linkOf({ broker: 'kafka' }));
    expect(kafka.ok || kafka.error.message).toBe(
      'This link\'s scenario has settings the playground cannot use: broker: expected one of local, nats, got "kafka".',
    );
  });
  it("each topology's own faults: crashes where its processes reach, and the broker faults its broker stages", () => {
    const fits: Partial<Scenario>[] = [
      {
        topology: 'event-sourced',
        faults: [{ kind: 'crash', service: 'bank', point: 'es-after-append-before-snapshot', nth: 1 }],
      },
      {
        topology: 'cdc',
        faults: [
          { kind: 'crash', service: 'query', point: 'consumer-after-commit-before-ack', nth: 1 },
          { kind: 'broker-outage', publishes: 3 },
        ],
      },
      {
        faults: [{ kind: 'crash', service: 'order', point: 'direct-after-charge', nth: 1 }],
        ordering: 'direct-calls',
      },
      { topology: 'event-sourced', snapshotEvery: 0 },
    ];
    for (const settings of fits) expect(refusal(settings), JSON.stringify(settings)).toBe('opened');
  });
});

describe('a fault plan replaced in a running shop', () => {
  it('is checked against every process a shop can have, the orchestrator included', () => {
    const plan: Fault[] = [{ kind: 'crash', service: 'orchestrator', point: 'before-commit', nth: 1 }];
    expect(validateFaultPlan(plan, 'shop')).toEqual({ ok: true, faults: plan });
  });

  it('is refused with the path of each bad fault, in its field or against the topology', () => {
    expect(
      validateFaultPlan([{ kind: 'crash', service: 'payment', point: 'nowhere', nth: 1 }], 'shop'),
    ).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^faults\[0\]\.point: expected one of before-commit, /)],
    });
    expect(validateFaultPlan([{ kind: 'slow', group: 'payment', factor: 2 }], 'event-sourced')).toEqual({
      ok: false,
      problems: ['faults[0].kind: a slow consumer is a broker fault, and an event-sourced run has no broker'],
    });
  });
});
