// Each "before" approach next to the pattern that replaced it: the same
// deterministic scenario (same seed, same orders, same faults) with one switch
// changed. The before side shows its anomaly; the pattern side shows none.

import { test, expect, type PlaygroundPage } from './fixtures';
import { encodeScenario } from '../src/core/scenario/link';
import { DEFAULT_SCENARIO, type Scenario } from '../src/core/scenario/scenario';
import type { InvariantName } from '../src/core/invariantCatalogue';

const base: Scenario = { ...DEFAULT_SCENARIO, mode: 'deterministic', pace: 'fast', seed: 11, orders: 3 };

async function runToEnd(playground: PlaygroundPage, scenario: Scenario): Promise<string[]> {
  await playground.open(`x=1${encodeScenario(scenario)}`);
  await playground.api((api) => api.runToEnd());
  const found = (await playground.api((api) => api.anomalies())).map((a) => a.invariant);
  return [...new Set(found)].sort();
}

const PAIRS: {
  name: string;
  faults: Scenario['faults'];
  before: Partial<Scenario>;
  pattern: Partial<Scenario>;
  predicted: InvariantName;
}[] = [
  {
    name: 'dual write vs outbox: the order service dies between commit and publish',
    faults: [{ kind: 'crash', service: 'order', point: 'after-commit-before-publish', nth: 1 }],
    before: { publishing: 'dual-write' },
    pattern: { publishing: 'outbox' },
    predicted: 'no-event-lost',
  },
  {
    name: 'direct calls vs saga: the order service dies after payment charged',
    faults: [{ kind: 'crash', service: 'order', point: 'direct-after-charge', nth: 1 }],
    before: { ordering: 'direct-calls' },
    pattern: { ordering: 'messaging' },
    predicted: 'no-order-stuck',
  },
  {
    name: 'no inbox vs inbox: InventoryReserved reaches shipping twice',
    faults: [{ kind: 'duplicate', group: 'shipping', type: 'InventoryReserved' }],
    before: { inbox: false },
    pattern: { inbox: true },
    predicted: 'no-duplicate-side-effect',
  },
  {
    name: 'no idempotency key nor inbox vs both: OrderCreated reaches payment twice',
    faults: [{ kind: 'duplicate', group: 'payment', type: 'OrderCreated' }],
    before: { inbox: false, idempotencyKeys: false },
    // The key alone stops the double charge, but payment answers the duplicate again, so the services
    // after it need their inbox: the pattern is both.
    pattern: { inbox: true, idempotencyKeys: true },
    predicted: 'no-double-charge',
  },
];

for (const pair of PAIRS)
  test(pair.name, async ({ playground }) => {
    const before = await runToEnd(playground, { ...base, ...pair.before, faults: pair.faults });
    expect(before).toContain(pair.predicted);
    const pattern = await runToEnd(playground, { ...base, ...pair.pattern, faults: pair.faults });
    expect(pattern).toEqual([]);
  });

test('two-phase commit vs saga: the coordinator dies after prepare', async ({ playground }) => {
  const faults: Scenario['faults'] = [
    { kind: 'crash', service: 'order', point: 'coordinator-after-prepare', nth: 1 },
  ];
  await playground.open(`x=1${encodeScenario({ ...base, ordering: 'two-phase-commit', faults })}`);
  // Step until the coordinator is dead: the participants it prepared now hold their locks, blocked.
  for (let i = 0; i < 200 && (await playground.api((api) => api.status('order'))) !== 'crashed'; i++)
    await playground.api((api) => api.step());
  expect(await playground.api((api) => api.status('order'))).toBe('crashed');
  const blocked = await playground.api(async (api) => (await api.snapshot()).services.inventory.locks.length);
  expect(blocked).toBeGreaterThan(0);
  await expect(playground.node('inventory')).toContainText(/lock/i);
  // When it comes back it decides, and the locks go: nothing is left blocked.
  await playground.api((api) => api.runToEnd());
  expect(await playground.api((api) => api.anomalies())).toEqual([]);

  // The saga, same seed and fault: there is no prepare to die after, and nothing ever holds a lock.
  const saga = await runToEnd(playground, { ...base, ordering: 'messaging', faults });
  expect(saga).toEqual([]);
  expect(await playground.api((api) => api.faultPlan())).toEqual(faults);
  expect(await playground.api((api) => api.trace().some((line) => line.endsWith('→ crashed')))).toBe(false);
});
