// What a service does with its own database each time its process starts, a
// first start or a restart after a crash: seed it (only ever once), read it back
// for the canvas (hydrate), and resume the work a crash cut short (recover).
// Nothing here keeps state between starts: the database is the memory.

import type { Dexie } from 'dexie';
import type { CrashSwitch } from '../crash';
import type { Fact } from '../telemetry';
import { recordBaselines } from './baselines';
import type { ServiceDefinition } from './definition';
import type { Procedures } from './procedures';
import { dumpTables } from './serviceDb';
import { inTransaction, type UnitDeps } from './unitOfWork';

const SEEDED_KEY = 'seeded';

/** Seeds a fresh database and records its baselines; a restarted service finds the marker and leaves its data be. */
export async function seedOnce(unit: UnitDeps): Promise<void> {
  const { def } = unit;
  await inTransaction(unit, async (work) => {
    const meta = work.context().table<{ key: string; value: number }>('meta');
    if (await meta.get(SEEDED_KEY)) return;
    if (def.seed) await def.seed(work.context());
    await recordBaselines(work.context(), def.conserved ?? {});
    await meta.put({ key: SEEDED_KEY, value: work.now });
  });
}

/**
 * Sends every table as it is now, so the canvas redraws this service from its database rather than from what it
 * heard before the crash (and after a table was cleared, when the commit alone cannot say what is left).
 */
export async function hydrate(db: Dexie, service: ServiceDefinition['name'], emit: (fact: Fact) => void) {
  emit({ kind: 'hydrate', service, tables: await dumpTables(db) });
}

export interface RecoverDeps {
  def: ServiceDefinition;
  crash: CrashSwitch;
  emit: (fact: Fact) => void;
  /** The recovery runs as a procedure: counted while under way, so settling waits for it. */
  procedures: Procedures;
}

/**
 * Resumes what the definition left half done (an orchestrator's sagas in flight). Never rejects: a failure is
 * reported as a fact, and a crash under it is the process's end, not a fault.
 */
export function recoverInterrupted({ def, crash, emit, procedures }: RecoverDeps): Promise<void> {
  const recover = def.recover;
  if (!recover) return Promise.resolve();
  return procedures
    .running(() => recover(procedures.context(), null))
    .then(
      () => undefined,
      (error: unknown) => {
        if (!crash.endedBy(error))
          emit({
            kind: 'handler-failed',
            service: def.name,
            messageId: 'recover',
            type: 'recover',
            error: String(error),
          });
      },
    );
}
