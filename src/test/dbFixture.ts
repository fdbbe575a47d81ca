// Test code, never shipped: databases a test file opens and a cost count it
// starts, closed and stopped after each test, and fresh run ids to open them by.

import type { Dexie } from 'dexie';
import { afterEach } from 'vitest';
import { countCosts } from './costCounter';

export function dbFixture(prefix: string) {
  let opened: Dexie[] = [];
  let counting: ReturnType<typeof countCosts> | null = null;
  let runs = 0;
  afterEach(() => {
    counting?.stop();
    counting = null;
    for (const db of opened) db.close();
    opened = [];
  });
  return {
    newRun: () => `${prefix}${++runs}x${Date.now()}`,
    /** Closed after the test. */
    track<T extends Dexie>(db: T): T {
      opened.push(db);
      return db;
    },
    /** Starts counting requests; stopped after the test. */
    count() {
      counting = countCosts();
      return counting;
    },
    counted() {
      return counting!;
    },
  };
}
