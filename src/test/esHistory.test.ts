import { describe, expect, it } from 'vitest';
import type { EsSystemSnapshot } from '../core/eventsourcing/esInvariants';
import { esFold, esInspect, esMoment, type EsState } from '../core/history/esFold';
import { FactHistory } from '../core/history/factHistory';
import { ES_PACES } from '../core/eventsourcing/esPace';
import { runEsDeterministic } from './esDeterministicRun';
import { createEsHarness } from './esHarness';
import { ES_CRASH_AND_RESTART } from './sampleRuns';

/** A worker's fact or one of the conductor's (`crashed`, `process`), as the run's history records it. */
type Recorded = { kind: string } & Record<string, unknown>;

describe("the event-sourced run's history", () => {
  it("rebuilds every store's audit (live from its snapshot, replayed, the money) and the read models at a step", async () => {
    const history = new FactHistory<Recorded, EsState>(esFold as never, { checkpointEvery: 40 });
    const read = new Map<number, { time: number; snapshot: EsSystemSnapshot }>();
    const result = await runEsDeterministic(ES_CRASH_AND_RESTART, {
      observe: {
        report: (fact, at) => history.record(fact, at),
        step: async (step, time, snapshot) => {
          read.set(step, { time, snapshot: await snapshot() });
        },
      },
    });
    expect(result.crashes).toHaveLength(1);
    expect(read.size).toBeGreaterThan(5);
    // The run has the moments worth checking: the bank down, money in flight, snapshots, read models behind.
    const moments = [...read.values()].map((r) => r.snapshot);
    expect(moments.some((m) => !m.stores.some((s) => s.store === 'bank'))).toBe(true);
    expect(moments.some((m) => (m.stores.find((s) => s.store === 'bank')?.money?.inFlight ?? 0) > 0)).toBe(
      true,
    );
    expect(moments.some((m) => (m.readModels?.orderSummaries.length ?? 0) > 0)).toBe(true);
    for (const [step, { time, snapshot }] of read)
      expect(esMoment(history.stateAt(time)), `step ${step}`).toEqual(snapshot);
  });

  it('inspects an event and a read-model row: the transaction that wrote it and its other rows', async () => {
    const history = new FactHistory<Recorded, EsState>(esFold as never);
    await runEsDeterministic(ES_CRASH_AND_RESTART, {
      observe: { report: (fact, at) => history.record(fact, at), step: async () => undefined },
    });
    const now = history.stateAt(Infinity);
    const event = esInspect(now, history.facts(), 'event', '1');
    expect(event.item).toMatchObject({ position: 1 });
    const balance = esInspect(now, history.facts(), 'balances', 'acc-alice');
    expect(balance.service).toBe('query');
    expect(balance.item).toMatchObject({ id: 'acc-alice', owner: 'alice' });
    expect(balance.effects).toContainEqual(
      expect.objectContaining({ kind: 'checkpoints', service: 'query' }),
    );
  });

  it("loads a stream's live state from its recorded snapshot, as the store does (a wrong snapshot shows)", () => {
    const history = new FactHistory<Recorded, EsState>(esFold as never);
    const event = (version: number, type: string, data: Record<string, unknown>) => ({
      position: version,
      stream: 'acc-x',
      version,
      type,
      schema: 1,
      data,
      at: 0,
    });
    history.record(
      { kind: 'appended', store: 'bank', events: [event(1, 'AccountOpened', { owner: 'x' })] },
      0,
    );
    history.record(
      { kind: 'appended', store: 'bank', events: [event(2, 'MoneyDeposited', { amount: 5 })] },
      1,
    );
    // A snapshot that says more than the events do: the live load starts from it, the replay does not.
    const saved = { id: 'acc-x', owner: 'x', status: 'OPEN', balance: 99, pending: [], received: [] };
    history.record({ kind: 'snapshot', store: 'bank', stream: 'acc-x', version: 1, state: saved }, 1);
    history.record({ kind: 'crashed', process: 'query' }, 1);
    const moment = esMoment(history.stateAt(1));
    expect(moment.readModels).toBeUndefined();
    const [bank] = moment.stores.filter((s) => s.store === 'bank');
    expect(bank.streams).toEqual([
      {
        id: 'acc-x',
        version: 2,
        live: { ...saved, balance: 104 },
        replayed: { ...saved, balance: 5 },
      },
    ]);
    expect(bank.money).toEqual({ balances: 5, inFlight: 0, external: 5 });
    expect(
      esMoment(history.stateAt(0)).stores.find((s) => s.store === 'bank')?.streams[0].live,
    ).toMatchObject({
      balance: 0,
    });
  });

  it('follows a rebuilt read model: the clear empties it, the replay fills it again, as the query database has it', async () => {
    const history = new FactHistory<Recorded, EsState>(esFold as never);
    let time = 0;
    const h = createEsHarness({
      onFact: (fact) => history.record(fact as Recorded, ++time),
      pace: ES_PACES.fast,
    });
    try {
      await h.startStore('orders', 2);
      await h.startStore('bank', 2);
      await h.startQuery();
      await h.store('orders').command('o-1', { type: 'create', customerId: 'alice' });
      await h.store('orders').command('o-1', { type: 'addItem', sku: 'MUG', qty: 2, price: 12 });
      await h.store('bank').transfer({ transferId: 't-1', from: 'acc-alice', to: 'acc-bob', amount: 30 });
      await h.catchUp();
      const before = { time, snapshot: await h.snapshot() };
      await h.query().rebuild('balances');
      const cleared = history
        .facts()
        .some((e) => e.fact.kind === 'query-commit' && JSON.stringify(e.fact).includes('"op":"clear"'));
      expect(cleared).toBe(true);
      expect(esMoment(history.stateAt(before.time))).toEqual(before.snapshot);
      expect(esMoment(history.stateAt(Infinity))).toEqual(await h.snapshot());
    } finally {
      h.close();
    }
  });
});
