// The event-sourced bank under concurrent transfers, on real workers and real
// IndexedDB: the query service crashes mid-projection while transfers run and
// is restarted; once settled, the balances read model adds up to the money
// deposited, every row agrees with its account's events, and no anomaly shows.

import { test, expect, type EsPage } from './esFixtures';

/** What a fresh bank opens with (esStores.ts BANK_OPENING): alice 100, bob 50, carol 0. */
const OPENING = 150;
const NEW_ACCOUNTS = [
  { id: 'acc-dave', owner: 'dave', deposit: 80 },
  { id: 'acc-erin', owner: 'erin', deposit: 45 },
];
type Move = [from: string, to: string, amount: number];
/** Every source can afford its transfers whatever order they land in, so none is refused. */
const FIRST_WAVE: Move[] = [
  ['acc-alice', 'acc-bob', 20],
  ['acc-bob', 'acc-carol', 15],
  ['acc-dave', 'acc-alice', 30],
  ['acc-erin', 'acc-dave', 10],
];
const SECOND_WAVE: Move[] = [
  ['acc-alice', 'acc-erin', 25],
  ['acc-dave', 'acc-carol', 12],
  ['acc-bob', 'acc-alice', 5],
];

/** Runs a wave of transfers at once inside the page; resolves with their ids once all completed. */
function transfers(run: EsPage, wave: Move[]): Promise<string[]> {
  return run.es(
    (api, moves) => Promise.all(moves.map(([from, to, amount]) => api.transfer(from, to, amount))),
    wave,
  );
}

test('concurrent transfers with the query service crashed mid-projection and restarted: money conserved, read models converge', async ({
  run,
}) => {
  await run.openEs();
  await run.es((api) => api.ready());
  for (const account of NEW_ACCOUNTS) {
    await run.es((api, a) => api.accountCommand(a.id, { type: 'open', owner: a.owner }), account);
    await run.es((api, a) => api.accountCommand(a.id, { type: 'deposit', amount: a.deposit }), account);
  }
  const deposited = OPENING + NEW_ACCOUNTS.reduce((sum, a) => sum + a.deposit, 0);
  await run.es((api) => api.settle(30_000));

  // Armed now, it fires on the query service's next batch: one of the first wave's events.
  await run.es((api) => api.crashAt('query', 'projection-before-checkpoint-commit'));
  expect(await transfers(run, FIRST_WAVE)).toHaveLength(FIRST_WAVE.length);
  await expect.poll(() => run.es((api) => api.status('query'))).toBe('crashed');
  // The stores keep taking writes while the read side is down.
  expect(await transfers(run, SECOND_WAVE)).toHaveLength(SECOND_WAVE.length);
  await run.es((api) => api.restart('query'));

  await run.es((api) => api.settle(60_000));
  expect(await run.es((api) => api.anomalies())).toEqual([]);
  const balances = await run.es((api) => api.readModel('balances'));
  expect(balances.reduce((sum, r) => sum + (r.balance as number), 0)).toBe(deposited);
  for (const row of balances) {
    const account = await run.es((api, id) => api.stateAt(id), row.id as string);
    expect(account.state, `${String(row.id)} as its events fold`).toMatchObject({
      balance: row.balance,
      pending: [],
    });
  }
  const expected: Record<string, number> = {
    'acc-alice': 100,
    'acc-bob': 50,
    'acc-carol': 0,
    'acc-dave': 80,
    'acc-erin': 45,
  };
  for (const [from, to, amount] of [...FIRST_WAVE, ...SECOND_WAVE]) {
    expected[from] -= amount;
    expected[to] += amount;
  }
  expect(Object.fromEntries(balances.map((r) => [r.id, r.balance]))).toEqual(expected);
});
