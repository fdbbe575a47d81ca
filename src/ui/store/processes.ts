// Pure process-status transitions: what a process event or a crashed/ready fact
// does to one process's state, and what (if anything) the event log should say.

import type { CrashPoint } from '../../core/crashPoints';
import type { ProcessName } from '../../core/telemetry';
import type { ProcessStatus } from '../../runtime/controller';
import type { LogKind, ProcessState } from './types';

export interface Transition {
  next: ProcessState;
  log: { kind: LogKind; text: string } | null;
}

const DOWN: ProcessStatus[] = ['crashed', 'restarting'];

/** Crashed, or on its way back: it answers nobody. */
export function isDown(p: ProcessState): boolean {
  return DOWN.includes(p.status);
}

export function onProcessEvent(
  name: ProcessName,
  prev: ProcessState,
  status: ProcessStatus,
  armed: CrashPoint | null,
): Transition {
  // The 'crashed' fact carries the point; a status event alone keeps what the fact said.
  const crashedAt = status === 'crashed' || status === 'restarting' ? prev.crashedAt : null;
  const next: ProcessState = { status, armed, crashedAt };
  if (status === 'restarting' && prev.status !== 'restarting') {
    return { next, log: { kind: 'restarting', text: `${name} restarting` } };
  }
  if (status === 'running' && DOWN.includes(prev.status)) {
    return { next, log: recovered(name) };
  }
  return { next, log: null };
}

export function onCrashed(name: ProcessName, prev: ProcessState, point: CrashPoint | 'manual'): Transition {
  // An armed point that fired is spent; a manual kill leaves any armed point as the controller reports it.
  const armed = prev.armed === point ? null : prev.armed;
  const text = point === 'manual' ? `${name} killed (crash now)` : `${name} crashed at ${point}`;
  return { next: { status: 'crashed', armed, crashedAt: point }, log: { kind: 'crashed', text } };
}

export function onReady(name: ProcessName, prev: ProcessState): Transition {
  const next: ProcessState = { status: 'running', armed: prev.armed, crashedAt: null };
  return { next, log: DOWN.includes(prev.status) ? recovered(name) : null };
}

function recovered(name: ProcessName): { kind: LogKind; text: string } {
  const from = name === 'broker' ? 'its log' : 'its own database';
  return { kind: 'recovered', text: `${name} is back up, recovered from ${from}` };
}
