// The steps a deterministic shop run is made of, and how a trace names them
// (restarts, user commands and clock jumps are named the same in every topology).

import type { ServiceName } from '../rows';

export type GrantedStep =
  /** A crashed process comes back and recovers from its database. */
  | { kind: 'restart'; process: string }
  /** The scenario's nth order is placed. */
  | { kind: 'place'; n: number }
  /** A command someone asked for while the run was going (a button, a script). */
  | { kind: 'user'; service: string; name: string; id: number }
  | { kind: 'relay'; service: ServiceName }
  | { kind: 'consume'; service: ServiceName; topic: string; partition: number }
  /** A service's timers (saga deadlines) are due. */
  | { kind: 'tick'; service: ServiceName }
  /** Nothing could run: the clock jumps to the next deadline. */
  | { kind: 'advance'; to: number };

export function describeStep(step: GrantedStep): string {
  switch (step.kind) {
    case 'restart':
      return `restart ${step.process}`;
    case 'place':
      return `place order #${step.n}`;
    case 'user':
      return `${step.service}.${step.name} (request ${step.id})`;
    case 'relay':
      return `${step.service} relays its outbox`;
    case 'consume':
      return `${step.service} takes ${step.topic}#${step.partition}`;
    case 'tick':
      return `${step.service} checks its timers`;
    case 'advance':
      return `clock jumps to ${step.to} ms`;
  }
}

/** Sort key: the enabled steps are listed in one canonical order before the PRNG picks. */
export function stepKey(step: GrantedStep): string {
  return describeStep(step);
}
