// A transfer between two event-sourced accounts is a saga over events: the
// source records TransferInitiated (the money leaves), the destination is
// credited, then the source records TransferCompleted. Each step is its own
// append; a crash between them leaves the transfer in flight, and resuming
// runs the remaining steps — each of them a no-op if it already happened.

import type { EventStore, StoredEvent } from './eventStore';
import { handleCommand } from './commandHandler';
import { accountAggregate, decideAccount, type AccountCommand } from './bankAggregate';
import { foldEvents, loadAggregate } from './aggregate';

export interface TransferRequest {
  transferId: string;
  from: string;
  to: string;
  amount: number;
}

export interface TransferDeps {
  store: EventStore;
  snapshotEvery: number;
  /** Called between the debit and the credit: where a crash leaves money in flight. */
  afterDebit?: () => void;
}

const act = (deps: TransferDeps, account: string, command: AccountCommand, attempts?: number) =>
  handleCommand(deps.store, accountAggregate, decideAccount, account, command, {
    snapshotEvery: deps.snapshotEvery,
    attempts,
  });

/**
 * Once the money has left, the credit and the completion must happen: they are retried through any
 * number of version conflicts on a busy account (each is a no-op if it already happened). Giving up
 * would leave the transfer in flight until the bank next restarts. (Chaos seed 139 found it.)
 */
const UNTIL_DONE = Number.POSITIVE_INFINITY;

export async function transfer(deps: TransferDeps, t: TransferRequest): Promise<void> {
  await debit(deps, t);
  await finish(deps, t);
}

async function finish(deps: TransferDeps, t: TransferRequest): Promise<void> {
  await act(deps, t.to, { type: 'deposit', amount: t.amount, transferId: t.transferId }, UNTIL_DONE);
  await act(deps, t.from, { type: 'completeTransfer', transferId: t.transferId }, UNTIL_DONE);
}

/** One account's events, oldest first, as stored: what the pure reads below work over. */
export interface StreamEvents {
  id: string;
  events: readonly StoredEvent[];
}

/** Every stream of the store with its events, in the store's stream order. */
export async function streamEvents(store: EventStore): Promise<StreamEvents[]> {
  const streams: StreamEvents[] = [];
  for (const { id } of await store.streams()) streams.push({ id, events: await store.read(id) });
  return streams;
}

const replayed = ({ id, events }: StreamEvents) =>
  foldEvents(accountAggregate, accountAggregate.initial(id), events);

/** Transfers that left an account and were never completed, as their TransferInitiated events say. Pure. */
export function inFlightOf(streams: readonly StreamEvents[]): TransferRequest[] {
  const found: TransferRequest[] = [];
  for (const stream of streams) {
    const { pending } = replayed(stream);
    if (!pending.length) continue;
    for (const event of stream.events) {
      const d = event.data as { transferId?: string; to?: string; amount?: number };
      if (event.type === 'TransferInitiated' && pending.includes(d.transferId!))
        found.push({ transferId: d.transferId!, from: stream.id, to: d.to!, amount: d.amount! });
    }
  }
  return found;
}

/** The store's transfers in flight (see inFlightOf). */
export async function inFlight(store: EventStore): Promise<TransferRequest[]> {
  return inFlightOf(await streamEvents(store));
}

/** After a restart: completes every transfer left in flight. Returns how many. */
export async function resumeTransfers(deps: TransferDeps): Promise<number> {
  const pending = await inFlight(deps.store);
  for (const t of pending) await finish(deps, t);
  return pending.length;
}

/** A transfer's next leg once the money has left: credit the destination, or (credited already) complete it. */
export type TransferLeg = 'credit' | 'complete';

/** Every transfer in flight with the leg it needs next, oldest first: a deterministic run grants each as a step. */
export async function nextLegs(store: EventStore): Promise<{ transferId: string; leg: TransferLeg }[]> {
  const legs: { transferId: string; leg: TransferLeg }[] = [];
  for (const t of await inFlight(store)) {
    const { state } = await loadAggregate(store, accountAggregate, t.to, { snapshots: false });
    legs.push({
      transferId: t.transferId,
      leg: state.received.includes(t.transferId) ? 'complete' : 'credit',
    });
  }
  return legs;
}

/** Runs one leg of a transfer in flight (a no-op if it already happened); returns false if it is not in flight. */
export async function runLeg(deps: TransferDeps, transferId: string, leg: TransferLeg): Promise<boolean> {
  const t = (await inFlight(deps.store)).find((f) => f.transferId === transferId);
  if (!t) return false;
  if (leg === 'credit') await act(deps, t.to, { type: 'deposit', amount: t.amount, transferId }, UNTIL_DONE);
  else await act(deps, t.from, { type: 'completeTransfer', transferId }, UNTIL_DONE);
  return true;
}

/** The first leg alone: the money leaves (a deterministic run grants the others as steps of their own). */
export async function debit(deps: TransferDeps, t: TransferRequest): Promise<void> {
  await act(deps, t.from, { type: 'initiateTransfer', transferId: t.transferId, to: t.to, amount: t.amount });
  deps.afterDebit?.();
}

/**
 * Money the bank holds: every balance plus what is in flight; it changes only by deposits and withdrawals from outside.
 * In flight means debited and not yet credited: a transfer credited but not yet marked completed is already in a balance.
 * Pure: over every account's events, so a past moment's events give that moment's money.
 */
export function moneyOf(streams: readonly StreamEvents[]): {
  balances: number;
  inFlight: number;
  external: number;
} {
  let balances = 0;
  let external = 0;
  const received = new Set<string>();
  for (const stream of streams) {
    const state = replayed(stream);
    balances += state.balance;
    for (const transferId of state.received) received.add(transferId);
    for (const e of stream.events) {
      const d = e.data as { amount?: number; transferId?: string };
      if (e.type === 'MoneyDeposited' && !d.transferId) external += d.amount!;
      if (e.type === 'MoneyWithdrawn') external -= d.amount!;
    }
  }
  const flying = inFlightOf(streams)
    .filter((t) => !received.has(t.transferId))
    .reduce((sum, t) => sum + t.amount, 0);
  return { balances, inFlight: flying, external };
}

/** The store's money (see moneyOf). */
export async function moneyHeld(
  store: EventStore,
): Promise<{ balances: number; inFlight: number; external: number }> {
  return moneyOf(await streamEvents(store));
}
