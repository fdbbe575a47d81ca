// Every deterministic shop entry's guide, walked in Node the way the page walks
// it (the same runUntil over the same beats), against the same scheduler and
// services: each step that waits for a beat reaches it and stops on the very
// step that brought it, a crash stays shown until a later step restarts it, and
// the trace walked step by step is the trace of running straight to the end.

import { describe, expect, it } from 'vitest';
import { LIBRARY, type ShopAction } from '../core/scenario/library';
import type { ShopEntry } from '../core/scenario/library/types';
import type { ProcessName } from '../core/telemetry';
import { runUntil, type UntilRun } from '../ui/guide/runUntil';
import { traceLine } from '../core/sim/scheduler';
import { crashesAt, runsUntilCrash } from './crashSteps';
import { openShopSim, runDeterministic, type ShopSimRun } from './deterministicRun';

function untilRun(run: ShopSimRun): UntilRun & { done: boolean } {
  const state = {
    mode: 'deterministic' as const,
    done: false,
    async step() {
      if (!(await run.next())) state.done = true;
    },
    simState: () => ({ done: state.done }),
    status: (p: ProcessName) => (run.isUp(p) ? ('running' as const) : ('crashed' as const)),
    snapshot: () => run.readAll(),
  };
  return state;
}

async function perform(
  action: ShopAction | undefined,
  run: UntilRun & { done: boolean },
): Promise<string | null> {
  switch (action?.kind) {
    case 'steps':
      for (let i = 0; i < action.count; i++) await run.step();
      return null;
    case 'runToEnd':
      while (!run.done) await run.step();
      return null;
    case 'stepUntil':
      return runUntil(action.beat, run);
    default:
      return null;
  }
}

const deterministic = LIBRARY.filter(
  (e): e is ShopEntry => e.scenario.topology === 'shop' && e.scenario.mode === 'deterministic',
);

describe('library guides, step by step', () => {
  for (const entry of deterministic)
    it(`${entry.id}: every beat comes, and the walk is the run`, async () => {
      const sim = await openShopSim(entry.scenario);
      const run = untilRun(sim);
      const stops: string[] = [];
      try {
        for (const [i, step] of entry.narrative.entries()) {
          const note = await perform(step.do as ShopAction | undefined, run);
          expect(note, `${entry.id} step ${i + 1}`).toBeNull();
          const last = sim.scheduler.trace.at(-1);
          stops.push(`step ${i + 1}: ${last ? traceLine(last) : 'nothing yet'}`);
          const beat = step.do?.kind === 'stepUntil' ? step.do.beat : null;
          if (beat?.kind === 'crash') expect(sim.isUp(beat.process), stops.at(-1)).toBe(false);
          if (beat?.kind === 'restart') expect(sim.isUp(beat.process), stops.at(-1)).toBe(true);
        }
        while (!run.done) await run.step();
        const straight = await runDeterministic(entry.scenario);
        expect(sim.scheduler.traceHash).toBe(straight.traceHash);
      } finally {
        sim.close();
      }
    });
});

/** Walks `id`'s guide in Node, handing each step's end to `check` with the run's databases then. */
async function walk(
  id: string,
  check: (step: number, sim: ShopSimRun, read: Awaited<ReturnType<ShopSimRun['readAll']>>) => void,
) {
  const entry = deterministic.find((e) => e.id === id)!;
  const sim = await openShopSim(entry.scenario);
  const run = untilRun(sim);
  try {
    for (const [i, step] of entry.narrative.entries()) {
      await perform(step.do as ShopAction | undefined, run);
      check(i + 1, sim, await sim.readAll());
    }
  } finally {
    sim.close();
  }
}

type Rows = { id: string; orderId?: string; published_at?: number | null; status?: string }[];

describe('the crash guides stop where their narratives say', () => {
  it('outbox: crashed with its rows pending, running with them still pending, then published', async () => {
    let pending: string[] = [];
    await walk('outbox', (step, sim, { services }) => {
      const outbox = services.order.outbox as Rows;
      const waiting = outbox.filter((r) => r.published_at == null).map((r) => r.id);
      if (step === 1) expect(services.order.orders).toHaveLength(1);
      if (step === 2) {
        expect(sim.isUp('order')).toBe(false);
        expect(services.order.orders).toHaveLength(2);
        expect(waiting).toHaveLength(2);
        pending = waiting;
      }
      if (step === 3) {
        expect(sim.isUp('order')).toBe(true);
        expect(waiting).toEqual(pending);
      }
      if (step === 4)
        for (const id of pending) expect(outbox.find((r) => r.id === id)?.published_at).not.toBeNull();
    });
  });

  it('direct calls: crashed with the second order charged and nothing reserved, then running again', async () => {
    await walk('direct-calls', (step, sim, { services }) => {
      if (step === 2) {
        expect(sim.isUp('order')).toBe(false);
        const reserved = (services.inventory.reservations as Rows).map((r) => r.orderId);
        const unreserved = (services.payment.payments as Rows).filter((p) => !reserved.includes(p.orderId));
        expect(services.order.orders).toHaveLength(2);
        expect(unreserved).toHaveLength(1);
      }
      if (step === 3) expect(sim.isUp('order')).toBe(true);
    });
  });
});

describe('the library’s words and beats agree', () => {
  it('every shop step that says a process dies runs until that crash', () => {
    for (const entry of LIBRARY.filter((e): e is ShopEntry => e.scenario.topology === 'shop'))
      entry.narrative.forEach((step, i) => {
        if (crashesAt(entry, i)) expect(runsUntilCrash(step.do), `${entry.id} step ${i + 1}`).toBe(true);
      });
  });
});
