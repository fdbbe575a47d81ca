// The run's recorded history, per topology: a deterministic link run to its
// end rebuilds any past step from its facts alone — at(k) equals snapshot()
// of a fresh run of the same link stepped to k — and a link opened `at: k`
// has the state hash of a run stepped there. In a live shop run with a
// crash, a past moment shows the crashed service's outbox row pending, and
// inspect follows a consumer's inbox row back to the broker record and the
// outbox row that caused it.

import { test, expect } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import { encodeScenario } from '../src/core/scenario/link';
import type { Scenario } from '../src/core/scenario/scenario';
import { CDC_CRASH_AND_RESTART, CRASH_AND_DUPLICATE, ES_CRASH_AND_RESTART } from '../src/test/sampleRuns';
import type { RunPlaygroundApi } from '../src/runtime/topologies';
import { callPageApi } from './pageRun';
import type { RecordedFact } from '../src/runtime/run/runHistory';

/** The fields of a shop fact or conductor report the live test reads. */
type LooseFact = {
  kind: string;
  service?: string;
  process?: string;
  status?: string;
  changes?: { table: string }[];
};

type Call = <T, A = undefined>(fn: (api: RunPlaygroundApi, arg: A) => T | Promise<T>, arg?: A) => Promise<T>;

/** Opens `s` in a fresh browser context (its own IndexedDB) and hands `work` a call into its window.playground. */
async function inContext<T>(browser: Browser, s: Scenario, work: (call: Call, page: Page) => Promise<T>) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`./?x=1${encodeScenario(s)}`);
    await page.waitForFunction(() => window.playground !== undefined);
    await page.evaluate(() => window.playground!.ready());
    const result = await work((fn, arg) => callPageApi(page, fn, arg), page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}

/** The broker's live view (members, in-flight counts) is memory, not state: the state hash leaves it out too. */
function durable(snapshot: unknown): unknown {
  const s = snapshot as { broker?: { live?: unknown } };
  if (!s.broker) return s;
  const { live: _live, ...broker } = s.broker;
  return { ...s, broker };
}

/** A few steps across the run: the first ones (a page that plays by itself is past step 0 before a script can pause it), three inside, the end. */
function stepsAcross(total: number): number[] {
  const steps = [
    0,
    1,
    2,
    3,
    Math.floor(total / 4),
    Math.floor(total / 2),
    Math.floor((3 * total) / 4),
    total,
  ];
  return [...new Set(steps)].filter((k) => k <= total);
}

/** Pauses a run and steps it to each of `steps` it has not passed, reading its snapshot and state hash there. */
async function steppedTo(call: Call, steps: number[]) {
  await call((api) => api.pause());
  // A page that played by itself may have had a step in flight when it paused: wait until that step is done.
  let from = -1;
  for (
    let now = await call((api) => api.sim().steps);
    now !== from;
    now = await call((api) => api.sim().steps)
  ) {
    from = now;
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  const read: { step: number; snapshot: unknown; hash: string }[] = [];
  for (const k of steps.filter((s) => s >= from)) {
    await call(
      async (api, n) => {
        for (let i = 0; i < n; i++) await api.step();
      },
      k - (await call((api) => api.sim().steps)),
    );
    expect(await call((api) => api.sim().steps)).toBe(k);
    read.push({
      step: k,
      snapshot: await call((api) => api.snapshot() as Promise<unknown>),
      hash: await call((api) => api.stateHash()),
    });
  }
  return read;
}

/** A link run to its end: its trace length, every recorded fact's count, and at(k) for the steps asked. */
async function ranToEnd(browser: Browser, scenario: Scenario) {
  return inContext(browser, scenario, async (call) => {
    await call((api) => api.runToEnd());
    const total = await call((api) => api.sim().steps);
    const moments: Record<number, unknown> = {};
    for (const k of stepsAcross(total))
      moments[k] = await call((api, step) => api.at(step) as Promise<unknown>, k);
    return { total, moments, facts: (await call((api) => api.history())).length };
  });
}

const DERIVABLE = [
  { name: 'a shop', scenario: CRASH_AND_DUPLICATE },
  { name: 'a CDC', scenario: CDC_CRASH_AND_RESTART },
  { name: 'an event-sourced', scenario: ES_CRASH_AND_RESTART },
] as const;

for (const { name, scenario } of DERIVABLE)
  test(`${name} link run to its end: at(k) equals snapshot() of a fresh run stepped to k, and of a link opened at k`, async ({
    browser,
  }) => {
    const past = await ranToEnd(browser, scenario);
    expect(past.facts).toBeGreaterThan(50);
    const fresh = await inContext(browser, scenario, (call) => steppedTo(call, stepsAcross(past.total)));
    expect(fresh.length).toBeGreaterThanOrEqual(4);
    for (const { step, snapshot } of fresh)
      expect(durable(snapshot), `step ${step}`).toEqual(durable(past.moments[step]));

    const k = Math.floor(past.total / 2);
    const hashAtK = fresh.find((r) => r.step === k)!.hash;
    const opened = await inContext(browser, { ...scenario, at: k }, async (call) => ({
      steps: await call((api) => api.sim().steps),
      hash: await call((api) => api.stateHash()),
      moment: await call((api, step) => api.at(step) as Promise<unknown>, k),
    }));
    // Every topology's page opens a link paused at its step.
    expect(opened.steps).toBe(k);
    expect(opened.hash).toBe(hashAtK);
    expect(durable(opened.moment)).toEqual(durable(past.moments[k]));
  });

test('an event-sourced link: history() holds its appended events and crash, inspect finds an event, at(k) has the bank down while it was', async ({
  browser,
}) => {
  const ran = await inContext(browser, ES_CRASH_AND_RESTART, async (call) => {
    await call((api) => api.runToEnd());
    const facts = await call(async (api) => await api.history());
    const appended = facts.find((f) => f.fact.kind === 'appended');
    const position = (appended?.fact as { events?: { position: number }[] } | undefined)?.events?.[0]
      .position;
    const crash = facts.find((f) => f.fact.kind === 'crashed');
    type Stores = { stores: { store: string }[] };
    return {
      crashStep: crash?.step ?? null,
      event: await call((api, id) => api.inspect('event', id), String(position)),
      atCrash: crash?.step ? await call((api, k) => api.at(k) as Promise<Stores>, crash.step) : null,
    };
  });
  expect(ran.crashStep).toEqual(expect.any(Number));
  expect(ran.event.item).toMatchObject({ position: expect.any(Number) });
  expect(ran.event.committed?.step).toEqual(expect.any(Number));
  // The bank crashed between a transfer's debit and its credit: at that step only the orders store can be read.
  expect(ran.atCrash?.stores.map((s) => s.store)).toEqual(['orders']);
});

test('a live shop run with a crash: before the crash the outbox row is pending; inspect follows an inbox row to its record and outbox row', async ({
  playground,
}) => {
  // The order service dies inside the command, after its commit: the call fails, the order and its outbox row are there.
  await playground.crashOrderBeforePublishAndRestart();

  const facts = (await playground.api((api) => api.history())) as RecordedFact<LooseFact>[];
  // The order's transaction committed, then the process died before its relay published: that moment, rebuilt.
  const committed = facts.find(
    (f) =>
      f.fact.kind === 'commit' &&
      f.fact.service === 'order' &&
      f.fact.changes!.some((c) => c.table === 'outbox'),
  )!;
  const crash = facts.find((f) => f.fact.kind === 'crashed')!;
  const restarted = facts.find(
    (f) =>
      f.seq > crash.seq &&
      f.fact.kind === 'process' &&
      f.fact.process === 'order' &&
      f.fact.status === 'running',
  )!;
  expect(crash.step).toBeNull();
  expect(committed.at).toBeLessThanOrEqual(restarted.at);
  const before = await playground.api((api, time) => api.at({ time }), committed.at);
  const pending = before.services.order.outbox;
  expect(pending.length).toBeGreaterThan(0);
  expect(pending.every((r) => r.published_at === null)).toBe(true);
  const now = await playground.api((api) => api.snapshot());
  expect(now.services.order.outbox.find((r) => r.id === pending[0].id)?.published_at).not.toBeNull();

  const created = pending.find((r) => r.type === 'OrderCreated')!;
  const inspected = await playground.api((api, id) => api.inspect('inbox', id), String(created.id));
  expect(inspected.service).not.toBe('order');
  expect(inspected.item).toMatchObject({ message_id: created.id });
  expect(inspected.causes.slice(0, 2)).toEqual([
    expect.objectContaining({ kind: 'record', service: 'broker', id: created.id }),
    expect.objectContaining({ kind: 'outbox', service: 'order', id: created.id }),
  ]);
  expect(inspected.committed).toMatchObject({ step: null, at: expect.any(Number) });
  const record = await playground.api((api, id) => api.inspect('record', id), String(created.id));
  expect(record.effects.some((l) => l.kind === 'inbox' && l.service === inspected.service)).toBe(true);
});
