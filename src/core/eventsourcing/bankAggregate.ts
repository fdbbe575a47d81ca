// The seed's event-sourced bank account: AccountOpened, MoneyDeposited,
// MoneyWithdrawn, TransferInitiated, TransferCompleted, AccountClosed. A
// transfer is a saga over events: the source records TransferInitiated (money
// leaves), the destination is credited, then the source records completion.

import type { AggregateType } from './aggregate';
import type { NewEvent, StoredEvent } from './eventStore';
import { RuleBroken } from './orderAggregate';

export interface AccountState {
  id: string;
  owner: string | null;
  status: 'NONE' | 'OPEN' | 'CLOSED';
  balance: number;
  /** Transfers that left this account and are not yet completed. */
  pending: string[];
  /** Transfers credited to this account: a repeated credit is recognised and changes nothing. */
  received: string[];
}

export const accountAggregate: AggregateType<AccountState> = {
  name: 'Account',
  initial: (id) => ({ id, owner: null, status: 'NONE', balance: 0, pending: [], received: [] }),
  apply(state, event: StoredEvent) {
    const d = event.data as Record<string, never>;
    switch (event.type) {
      case 'AccountOpened':
        return { ...state, owner: d.owner, status: 'OPEN' };
      case 'MoneyDeposited':
        return {
          ...state,
          balance: state.balance + d.amount,
          received: d.transferId ? [...state.received, d.transferId] : state.received,
        };
      case 'MoneyWithdrawn':
        return { ...state, balance: state.balance - d.amount };
      case 'TransferInitiated':
        return { ...state, balance: state.balance - d.amount, pending: [...state.pending, d.transferId] };
      case 'TransferCompleted':
        return { ...state, pending: state.pending.filter((t) => t !== d.transferId) };
      case 'AccountClosed':
        return { ...state, status: 'CLOSED' };
      default:
        return state;
    }
  },
};

export type AccountCommand =
  | { type: 'open'; owner: string }
  | { type: 'deposit'; amount: number; transferId?: string }
  | { type: 'withdraw'; amount: number }
  | { type: 'initiateTransfer'; transferId: string; to: string; amount: number }
  | { type: 'completeTransfer'; transferId: string }
  | { type: 'close' };

export function decideAccount(state: AccountState, command: AccountCommand): NewEvent[] {
  const open = () => {
    if (state.status !== 'OPEN')
      throw new RuleBroken(`account ${state.id} is ${state.status === 'NONE' ? 'not open' : 'closed'}`);
  };
  const positive = (amount: number) => {
    if (!(amount > 0)) throw new RuleBroken('amount must be positive');
  };
  switch (command.type) {
    case 'open':
      if (state.status !== 'NONE') throw new RuleBroken(`account ${state.id} already exists`);
      return [{ type: 'AccountOpened', data: { owner: command.owner } }];
    case 'deposit':
      if (command.transferId && state.received.includes(command.transferId)) return []; // this transfer was credited already
      open();
      positive(command.amount);
      return [
        {
          type: 'MoneyDeposited',
          data: { amount: command.amount, ...(command.transferId ? { transferId: command.transferId } : {}) },
        },
      ];
    case 'withdraw':
      open();
      positive(command.amount);
      if (command.amount > state.balance)
        throw new RuleBroken(`account ${state.id} has ${state.balance}, cannot withdraw ${command.amount}`);
      return [{ type: 'MoneyWithdrawn', data: { amount: command.amount } }];
    case 'initiateTransfer':
      open();
      positive(command.amount);
      if (command.amount > state.balance)
        throw new RuleBroken(`account ${state.id} has ${state.balance}, cannot send ${command.amount}`);
      return [
        {
          type: 'TransferInitiated',
          data: { transferId: command.transferId, to: command.to, amount: command.amount },
        },
      ];
    case 'completeTransfer':
      if (!state.pending.includes(command.transferId)) return []; // already completed: a repeated step changes nothing
      return [{ type: 'TransferCompleted', data: { transferId: command.transferId } }];
    case 'close':
      open();
      if (state.balance !== 0) throw new RuleBroken(`account ${state.id} still holds ${state.balance}`);
      if (state.pending.length) throw new RuleBroken(`account ${state.id} has transfers in flight`);
      return [{ type: 'AccountClosed', data: {} }];
  }
}
