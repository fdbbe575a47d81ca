// How a process dies at a crash point. The host decides what dying means (a
// worker closes itself; a Node test stops the service); core code only needs
// to know that execution does not continue past the point.

import type { CrashPoint } from './crashPoints';

export class CrashSignal extends Error {
  constructor(readonly point: CrashPoint | 'manual') {
    super(`crashed at ${point}`);
    this.name = 'CrashSignal';
  }
}

export function isCrash(error: unknown): error is CrashSignal {
  return error instanceof CrashSignal || (error instanceof Error && error.name === 'CrashSignal');
}

export class CrashSwitch {
  /** Armed points, each with how many more times it is passed before it fires. */
  private readonly armed = new Map<CrashPoint, number>();
  dead = false;

  constructor(private readonly die: (point: CrashPoint) => void) {}

  /** Dies the `nth` time (from now) the process reaches `point`: a fault plan's logical trigger. */
  arm(point: CrashPoint, nth = 1): void {
    this.armed.set(point, nth);
  }

  disarm(): void {
    this.armed.clear();
  }

  /**
   * Whether `error` is the process dying rather than a fault of its own: a crash signal, or anything
   * that failed after the process was stopped (a database closed under a pending read, say).
   */
  endedBy(error: unknown): boolean {
    return isCrash(error) || this.dead;
  }

  /** Call before anything leaves the process: a dead process sends nothing. */
  assertAlive(): void {
    if (this.dead) throw new CrashSignal('manual');
  }

  /** Call at a named point: if armed there, the process dies and this throws. */
  at(point: CrashPoint): void {
    if (this.dead) throw new CrashSignal(point);
    const left = this.armed.get(point);
    if (left === undefined) return;
    if (left > 1) return void this.armed.set(point, left - 1);
    this.armed.delete(point);
    this.dead = true;
    this.die(point);
    throw new CrashSignal(point);
  }
}
