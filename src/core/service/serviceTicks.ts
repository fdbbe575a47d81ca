// A service's periodic work (a saga's deadlines and retries): one round is one
// transaction, run by the live loop on its interval or granted as a step in a
// deterministic run.

import type { Clock } from '../clock';
import type { Fact } from '../telemetry';
import { inTransaction, type UnitDeps } from './unitOfWork';

export interface TickDeps {
  unit: UnitDeps;
  clock: Clock;
  paused: () => boolean;
  /** A round that emitted events has outbox rows for the relay. */
  wake: () => void;
  emit: (fact: Fact) => void;
}

/** Runs one round of the definition's periodic work; a definition without any has nothing to do. */
export async function tickOnce({ unit, wake }: TickDeps): Promise<void> {
  const tick = unit.def.tick;
  if (!tick) return;
  const { emitted } = await inTransaction(unit, (work) => tick.run(work.context()));
  if (emitted) wake();
}

/** Live runs: a round every interval while not paused, until the process dies. */
export async function runTicks(deps: TickDeps): Promise<void> {
  const { unit, clock, paused, emit } = deps;
  const tick = unit.def.tick;
  if (!tick) return;
  while (!unit.crash.dead) {
    await clock.sleep(tick.intervalMs);
    if (paused() || unit.crash.dead) continue;
    try {
      await tickOnce(deps);
    } catch (error) {
      if (unit.crash.endedBy(error)) return;
      // A failing round is reported and tried again next interval; the loop must not die with it.
      emit({
        kind: 'handler-failed',
        service: unit.def.name,
        messageId: 'tick',
        type: 'tick',
        error: String(error),
      });
    }
  }
}
