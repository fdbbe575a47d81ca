import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CrashPoint } from '../../core/crashPoints';
import type { Anomaly } from '../../core/invariantCatalogue';
import { channelNames } from '../../core/transport';
import type { FromWorker, ToWorker } from '../workerProtocol';
import { Conductor, type ConductorOptions, type StartContext } from './Conductor';
import type { RunEvent } from './runEvents';
import type { RunFacts } from './runFacts';

type P = 'orders' | 'bank';

/** Stands in for a worker: says ready to its start message, answers calls, and can crash at a point. */
class FakeWorker {
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly received: ToWorker[] = [];
  terminated = false;

  constructor(readonly process: P) {}

  postMessage(message: ToWorker): void {
    this.received.push(message);
    const answer =
      message.type === 'start'
        ? ({ type: 'ready' } as const)
        : ({ type: 'rpc.result', id: message.id, ok: true, value: null } as const);
    queueMicrotask(() => this.onmessage?.({ data: answer }));
  }

  crashAt(point: CrashPoint): void {
    this.onmessage?.({ data: { type: 'crashed', point } });
  }

  terminate(): void {
    this.terminated = true;
  }

  calls(method: string): unknown[][] {
    return this.received.flatMap((m) => (m.type === 'rpc' && m.method === method ? [m.args] : []));
  }
}

const spawned: FakeWorker[] = [];
const workersOf = (process: P) => spawned.filter((w) => w.process === process);

const FACTS: RunFacts<P> = {
  processes: ['orders', 'bank'],
  startOrder: [['orders'], ['bank']],
  crashPoints: { bank: ['transfer-after-debit-before-credit'] },
  spawn: (process) => {
    const worker = new FakeWorker(process);
    spawned.push(worker);
    return worker as unknown as Worker;
  },
  watch: { quietWaitMs: 0, busyCheckEveryMs: 0, checkAfterLifecycle: true, busyFromHistory: 'always' },
  steps: false,
  opensPaused: true,
};

/** What the test's checker finds: one anomaly per `overdraft` in what it reads. */
const OVERDRAFT: Anomaly = { invariant: 'no-double-charge', message: 'an account was charged twice' };

/** Its state, as its databases and its history's moments both give it: the kinds of the facts it was told. */
class TestConductor extends Conductor<P, { kind: string }, string[]> {
  readonly starts: { process: P; start: StartContext }[] = [];
  /** What its databases hold when asked; how often they were. */
  databases: string[] = [];
  snapshots = 0;

  constructor(options: ConductorOptions = {}) {
    super({ runId: 'test', ...options }, FACTS);
  }

  protected startOptions(process: P, start: StartContext) {
    this.starts.push({ process, start });
    return { process };
  }

  protected async owed(): Promise<string | null> {
    return null;
  }

  protected async check(_settled: boolean, state: () => Promise<string[]>): Promise<Anomaly[]> {
    return (await state()).filter((kind) => kind === 'overdraft').map(() => OVERDRAFT);
  }

  protected historySpec() {
    return {
      fold: {
        empty: () => [],
        clone: (s: string[]) => [...s],
        compact: (s: string[]) => s,
        apply: (s: string[], f: { kind: string }) => void s.push(f.kind),
      },
      moment: (s: string[]) => s,
      inspect: () => {
        throw new Error('nothing to inspect');
      },
    };
  }

  protected report(facts: { kind: string }[]) {
    return { events: facts, changed: true };
  }

  async snapshot() {
    this.snapshots++;
    return [...this.databases];
  }
}

/** A batch of the workers' facts on the run's telemetry channel, as a worker posts it. */
function report(runId: string, facts: { kind: string }[]): void {
  const channel = new BroadcastChannel(channelNames(runId).telemetry);
  channel.postMessage(facts);
  channel.close();
}

let run: TestConductor | null = null;

beforeEach(() => {
  spawned.length = 0;
  const storage = new Map<string, string>();
  vi.stubGlobal('indexedDB', {});
  vi.stubGlobal('Worker', class {});
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
  });
});

afterEach(() => {
  run?.dispose();
  run = null;
  vi.unstubAllGlobals();
});

describe('the one conductor', () => {
  it('starts the processes group after group, each with one start message carrying its options', async () => {
    run = new TestConductor();
    await run.start();
    expect(spawned.map((w) => w.process)).toEqual(['orders', 'bank']);
    expect(spawned[1].received[0]).toEqual({
      type: 'start',
      runId: 'test',
      process: 'bank',
      options: { process: 'bank' },
    });
    expect(run.status('orders')).toBe('running');
  });

  it('says a process is running only once it is armed with the plan', async () => {
    run = new TestConductor({
      scenario: {
        faults: [{ kind: 'crash', service: 'bank', point: 'transfer-after-debit-before-credit', nth: 2 }],
      },
    });
    const heard: RunEvent<P>[] = [];
    run.subscribe((events) => heard.push(...(events as RunEvent<P>[])));
    await run.start();
    const bank = heard.filter((e) => e.kind === 'process' && e.process === 'bank');
    expect(bank.at(-1)).toEqual({
      kind: 'process',
      process: 'bank',
      status: 'running',
      armed: 'transfer-after-debit-before-credit',
    });
    expect(bank.some((e) => e.kind === 'process' && e.status === 'running' && e.armed === null)).toBe(false);
    expect(workersOf('bank')[0].calls('arm')).toEqual([['transfer-after-debit-before-credit', 2]]);
  });

  it('refuses a crash point the process never reaches, and arms one it does', async () => {
    run = new TestConductor();
    await run.start();
    expect(() => run!.crashAt('orders', 'before-commit')).toThrow('orders never reaches "before-commit"');
    await run.crashAt('bank', 'transfer-after-debit-before-credit', 3);
    expect(workersOf('bank')[0].calls('arm')).toEqual([['transfer-after-debit-before-credit', 3]]);
  });

  it('kills a process, tells who listens, and restarts it as a new worker', async () => {
    run = new TestConductor();
    const heard: RunEvent<P>[] = [];
    run.subscribe((events) => heard.push(...(events as RunEvent<P>[])));
    await run.start();
    run.crashNow('orders');
    expect(run.status('orders')).toBe('crashed');
    expect(workersOf('orders')[0].terminated).toBe(true);
    expect(heard).toContainEqual({ kind: 'crashed', process: 'orders', point: 'manual' });
    await run.restart('orders');
    expect(workersOf('orders')).toHaveLength(2);
    expect(run.starts.at(-1)).toEqual({ process: 'orders', start: { restarting: true } });
    expect(run.status('orders')).toBe('running');
    // The crash and the restart are facts of the run's history too, in the order they happened.
    const lives = (await run.recordedFacts())
      .map((f) => f.fact as RunEvent<P>)
      .filter((e) => e.kind === 'crashed' || (e.kind === 'process' && e.process === 'orders'));
    expect(lives.map((e) => (e.kind === 'process' ? e.status : e.kind)).slice(-3)).toEqual([
      'crashed',
      'restarting',
      'running',
    ]);
  });

  it('brings a process back by itself when its planned outage is over', async () => {
    run = new TestConductor({
      scenario: {
        faults: [
          { kind: 'crash', service: 'bank', point: 'transfer-after-debit-before-credit', nth: 1, downMs: 1 },
        ],
      },
    });
    const heard: RunEvent<P>[] = [];
    run.subscribe((events) => heard.push(...(events as RunEvent<P>[])));
    await run.start();
    workersOf('bank')[0].crashAt('transfer-after-debit-before-credit');
    expect(run.status('bank')).toBe('crashed');
    expect(heard.some((e) => e.kind === 'fault-fired' && e.index === 0)).toBe(true);
    await vi.waitFor(() => expect(run!.status('bank')).toBe('running'));
    expect(workersOf('bank')).toHaveLength(2);
  });

  it('checks a busy live run over its history, reading no database, and a settled one over the databases', async () => {
    run = new TestConductor();
    await run.start();
    report('test', [{ kind: 'deposit' }, { kind: 'overdraft' }]);
    await vi.waitFor(async () =>
      expect((await run!.recordedFacts()).map((f) => f.fact.kind)).toContain('overdraft'),
    );
    expect(await run.checkAnomalies(false)).toEqual([OVERDRAFT]);
    expect(run.snapshots).toBe(0);
    expect(spawned.flatMap((w) => w.calls('dump'))).toEqual([]);
    // At rest the databases have the last word: here they hold no overdraft.
    expect(await run.checkAnomalies(true)).toEqual([]);
    expect(run.snapshots).toBe(1);
  });

  it('checks a busy resumed run over its databases where only a fresh history holds every row', async () => {
    FACTS.watch.busyFromHistory = 'fresh';
    try {
      run = new TestConductor({ resumed: true });
      await run.start();
      run.databases = ['overdraft'];
      expect(await run.checkAnomalies(false)).toEqual([OVERDRAFT]);
      expect(run.snapshots).toBe(1);
    } finally {
      FACTS.watch.busyFromHistory = 'always';
    }
  });

  it('runs a deterministic link live where the topology has no sim world, and says stepping needs one', async () => {
    run = new TestConductor({ scenario: { mode: 'deterministic' } });
    await run.start();
    expect(run.mode).toBe('live');
    expect(run.scenario().mode).toBe('deterministic');
    expect(run.simState()).toMatchObject({ mode: 'live', running: true });
    await expect(run.step()).rejects.toThrow('MPP007');
  });
});
