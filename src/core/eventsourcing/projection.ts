// Projections: read models built from the event store, in the query service's
// own database. Each batch of events and the projection's checkpoint commit in
// one transaction there, so a crash never applies an event twice or skips one
// (unless told to store the checkpoint apart: the "before" a scenario can show).

import type { Dexie } from 'dexie';
import { batchTables, type ProjectionTable } from './batchTables';
import type { EventStore, StoredEvent } from './eventStore';

export interface CheckpointRow {
  name: string;
  /** The last event position this projection has applied. */
  position: number;
}

export interface Projection {
  name: string;
  /** The read-model tables it writes (names in the query database). */
  tables: string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  apply(table: (name: string) => ProjectionTable<any>, event: StoredEvent): Promise<void>;
}

export const CHECKPOINTS = 'checkpoints';

export async function checkpointOf(db: Dexie, name: string): Promise<number> {
  return (await db.table<CheckpointRow, string>(CHECKPOINTS).get(name))?.position ?? 0;
}

/**
 * Applies up to `batch` events after the checkpoint; returns how many. `beforeCommit` runs inside the
 * transaction after the writes (a crash point there must leave nothing behind). `checkpointApart`: the "before"
 * projection — the writes commit first and the checkpoint in a transaction of its own after `beforeCommit`, so a
 * crash between them leaves the batch applied and the checkpoint behind it: the batch is applied again.
 */
export async function projectBatch(
  store: EventStore,
  db: Dexie,
  projection: Projection,
  batch: number,
  beforeCommit?: () => void,
  { checkpointApart = false }: { checkpointApart?: boolean } = {},
): Promise<number> {
  const from = await checkpointOf(db, projection.name);
  const events = await store.readAll(from, batch);
  if (!events.length) return 0;
  const position = events[events.length - 1].position!;
  const saveCheckpoint = () => db.table(CHECKPOINTS).put({ name: projection.name, position });
  const tables = [...projection.tables, CHECKPOINTS].map((t) => db.table(t));
  const applied = await db.transaction('rw', tables, async () => {
    // Someone else (a second runner, a rebuild) may have moved the checkpoint since we read it.
    if ((await checkpointOf(db, projection.name)) !== from) return 0;
    const batch = batchTables(db);
    for (const event of events) await projection.apply((name) => batch.table(name), event);
    await batch.flush();
    if (checkpointApart) return events.length;
    await saveCheckpoint();
    beforeCommit?.();
    return events.length;
  });
  if (checkpointApart && applied) {
    beforeCommit?.();
    await saveCheckpoint();
  }
  return applied;
}

/** Catches up completely, reporting progress (applied so far, head) after each batch. */
export async function catchUp(
  store: EventStore,
  db: Dexie,
  projection: Projection,
  batch: number,
  progress?: (done: number, head: number) => void,
): Promise<number> {
  const head = await store.head();
  let applied = 0;
  for (
    let n = await projectBatch(store, db, projection, batch);
    n > 0;
    n = await projectBatch(store, db, projection, batch)
  ) {
    applied += n;
    progress?.(await checkpointOf(db, projection.name), head);
  }
  return applied;
}

/** Rebuild from scratch: clear the read model and its checkpoint in one transaction, then replay every event. */
export async function rebuild(
  store: EventStore,
  db: Dexie,
  projection: Projection,
  batch: number,
  progress?: (done: number, head: number) => void,
): Promise<number> {
  const tables = [...projection.tables, CHECKPOINTS].map((t) => db.table(t));
  await db.transaction('rw', tables, async () => {
    for (const t of projection.tables) await db.table(t).clear();
    await db.table(CHECKPOINTS).delete(projection.name);
  });
  return catchUp(store, db, projection, batch, progress);
}

/** How far behind a projection is: events not yet applied, and the age of the oldest of them. */
export async function lagOf(
  store: EventStore,
  db: Dexie,
  name: string,
  now: number,
): Promise<{ behind: number; oldestAgeMs: number | null }> {
  const at = await checkpointOf(db, name);
  const behind = (await store.head()) - at;
  const oldest = behind > 0 ? (await store.readAll(at, 1))[0] : undefined;
  return { behind, oldestAgeMs: oldest ? now - oldest.at : null };
}
