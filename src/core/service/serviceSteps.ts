// A service in a deterministic run: nothing runs on its own; the scheduler
// asks what each service could do next and grants one step at a time. This
// is the vocabulary of those steps and what the scheduler is told.

import type { Dexie } from 'dexie';
import type { ServiceDefinition } from './definition';

/** One unit of work a deterministic run grants a service. */
export type ServiceStep =
  | { kind: 'relay' }
  | { kind: 'consume'; topic: string; partition: number; max: number }
  | { kind: 'tick' }
  | { kind: 'command'; name: string; input: unknown };

/** What a service still has to do, as a deterministic scheduler sees it. */
export interface ServicePending {
  unpublished: number;
  /** The earliest timer (a saga deadline) on the simulation clock, if any. */
  nextDue: number | null;
}

/** What performs each kind of step; the host passes its relay, consumer, timers and commands. */
export interface StepPerformers {
  relay: () => Promise<number>;
  consume: (topic: string, partition: number, max: number) => Promise<string>;
  tick: () => Promise<void>;
  command: (name: string, input: unknown) => Promise<unknown>;
}

/** Performs one granted step; returns what it did, in words, for the trace. */
export async function performStep(step: ServiceStep, perform: StepPerformers): Promise<string> {
  switch (step.kind) {
    case 'relay':
      return `published ${await perform.relay()}`;
    case 'consume':
      return perform.consume(step.topic, step.partition, step.max);
    case 'tick':
      await perform.tick();
      return 'timers checked';
    case 'command':
      return JSON.stringify((await perform.command(step.name, step.input)) ?? null);
  }
}

// Only rows with a deadline are in the definition's due index, so reading the index reads the timers that are set.
const dueIndex = (def: ServiceDefinition, db: Dexie) => {
  const due = def.tick?.due;
  return due ? { index: db.table(due.table).orderBy(due.index), field: due.index } : null;
};

/** The earliest timer a service has set (a saga deadline) on the simulation clock, if any. */
export async function earliestTimer(def: ServiceDefinition, db: Dexie): Promise<number | null> {
  const due = dueIndex(def, db);
  const first = due ? ((await due.index.first()) as Record<string, unknown> | undefined) : undefined;
  return first ? (first[due!.field] as number) : null;
}

/** How many timers a service has set. */
export async function timerCount(def: ServiceDefinition, db: Dexie): Promise<number> {
  return (await dueIndex(def, db)?.index.count()) ?? 0;
}
