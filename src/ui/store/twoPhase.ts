// Pure views of a two-phase commit, read off the mirror: the coordinator's log
// (which transactions are still in doubt) and each participant's locks, waiting
// prepares and promises — and whether it is blocked, i.e. holding them while
// the one process that may release them, the coordinator, is down.

import type { ServiceName } from '../../core/rows';
import { isDown } from './processes';
import { processOf, table } from './selectors';
import type { PlaygroundData } from './types';

type Input = Pick<PlaygroundData, 'mirror' | 'processes'>;

/** The order service coordinates; payment and inventory take part. */
export const COORDINATOR: ServiceName = 'order';
export const PARTICIPANTS: readonly ServiceName[] = ['payment', 'inventory'];

const ROWS = 6;

export type TxState = 'PREPARING' | 'COMMITTING' | 'ABORTING' | 'DONE';

export interface TxView {
  txId: string;
  orderId: string;
  state: TxState;
  /** Not DONE: some participant may still be holding locks for it, not knowing the outcome. */
  inDoubt: boolean;
  /** "2/2 yes" once the votes are logged, null while they are still being asked for. */
  votes: string | null;
  updatedAt: number;
}

export interface CoordinatorView {
  /** In-doubt transactions first (oldest first), then the most recently finished. */
  rows: TxView[];
  inDoubt: number;
  total: number;
}

const str = (v: unknown) => String(v ?? '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

function votesOf(row: Record<string, unknown>): string | null {
  const votes = Object.values((row.votes ?? {}) as Record<string, { vote?: string }>);
  if (votes.length === 0) return null;
  const participants = Array.isArray(row.participants) ? row.participants.length : votes.length;
  return `${votes.filter((v) => v.vote === 'yes').length}/${participants} yes`;
}

export function coordinatorView(state: Pick<PlaygroundData, 'mirror'>): CoordinatorView {
  const all = [...table(state, COORDINATOR, 'twopc').values()].map((row): TxView => {
    const s = str(row.state) as TxState;
    return {
      txId: str(row.txId),
      orderId: str(row.orderId),
      state: s,
      inDoubt: s !== 'DONE',
      votes: votesOf(row),
      updatedAt: num(row.updated_at),
    };
  });
  const open = all.filter((t) => t.inDoubt).sort((a, b) => a.updatedAt - b.updatedAt);
  const done = all.filter((t) => !t.inDoubt).sort((a, b) => b.updatedAt - a.updatedAt);
  return { rows: [...open, ...done].slice(0, ROWS), inDoubt: open.length, total: all.length };
}

export interface LockView {
  resource: string;
  txId: string;
  orderId: string;
  since: number;
}

export interface WaitView {
  txId: string;
  orderId: string;
  resource: string;
  heldBy: string;
  since: number;
}

export type ParticipantState = 'blocked' | 'in-doubt' | 'idle';

export interface ParticipantView {
  /** Oldest first: the lock everyone waits on leads. */
  locks: LockView[];
  /** Prepares waiting for a lock, oldest first; ones an abort cancelled are left out. */
  waits: WaitView[];
  /** Transactions this participant promised to commit and has no decision for. */
  prepared: number;
  /** Distinct transactions its locks and promises belong to. */
  transactions: string[];
  coordinatorDown: boolean;
  /** blocked: holding locks or promises with the coordinator down; in-doubt: holding them, waiting to hear. */
  state: ParticipantState;
}

export function participantView(state: Input, service: ServiceName): ParticipantView {
  const locks = [...table(state, service, 'locks').values()]
    .map((r) => ({
      resource: str(r.resource),
      txId: str(r.txId),
      orderId: str(r.orderId),
      since: num(r.since),
    }))
    .sort((a, b) => a.since - b.since);
  const waits = [...table(state, service, 'lockWaits').values()]
    .filter((r) => r.cancelled !== true)
    .map((r) => ({
      txId: str(r.txId),
      orderId: str(r.orderId),
      resource: str(r.resource),
      heldBy: str(r.heldBy),
      since: num(r.since),
    }))
    .sort((a, b) => a.since - b.since);
  const promised = [...table(state, service, 'prepared').values()].filter((r) => r.outcome === 'PREPARED');
  const transactions = [...new Set([...locks.map((l) => l.txId), ...promised.map((p) => str(p.txId))])];
  const coordinatorDown = isDown(processOf(state, COORDINATOR));
  const holding = transactions.length > 0;
  return {
    locks,
    waits,
    prepared: promised.length,
    transactions,
    coordinatorDown,
    state: holding ? (coordinatorDown ? 'blocked' : 'in-doubt') : 'idle',
  };
}
