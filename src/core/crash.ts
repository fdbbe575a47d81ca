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
  private readonly armed = new Set<CrashPoint>();
  dead = false;

  constructor(private readonly die: (point: CrashPoint) => void) {}

  arm(point: CrashPoint): void {
    this.armed.add(point);
  }

  disarm(): void {
    this.armed.clear();
  }

  armedPoints(): CrashPoint[] {
    return [...this.armed];
  }

  /** Call before anything leaves the process: a dead process sends nothing. */
  assertAlive(): void {
    if (this.dead) throw new CrashSignal('manual');
  }

  /** Call at a named point: if armed there, the process dies and this throws. */
  at(point: CrashPoint): void {
    if (this.dead) throw new CrashSignal(point);
    if (!this.armed.has(point)) return;
    this.armed.delete(point);
    this.dead = true;
    this.die(point);
    throw new CrashSignal(point);
  }
}
