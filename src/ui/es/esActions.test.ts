import { afterEach, describe, expect, it } from 'vitest';
import type { StreamInfo } from '../../runtime/esController';
import { createInProcessEsController, type InProcessEsController } from '../../test/inProcessEsController';
import {
  growCount,
  growFraction,
  newOrder,
  openAccount,
  otherAccounts,
  target,
  transferSource,
} from './esActions';

const s = (store: 'orders' | 'bank', id: string, version = 1): StreamInfo => ({
  store,
  id,
  version,
  snapshotVersion: null,
});
const streams = [s('orders', 'order-1'), s('bank', 'acct-1'), s('orders', 'order-2'), s('bank', 'acct-2')];

let run: InProcessEsController | undefined;
afterEach(() => run?.dispose());

describe('toolbar actions', () => {
  it('aims at the chosen stream of the right store, else the newest', () => {
    expect(target('orders', { store: 'orders', id: 'order-1' }, streams)).toBe('order-1');
    expect(target('orders', { store: 'bank', id: 'acct-1' }, streams)).toBe('order-2');
    expect(target('bank', null, streams)).toBe('acct-2');
    expect(target('bank', null, [])).toBeNull();
    expect(target('orders', { store: 'orders', id: 'gone' }, streams)).toBe('order-2');
  });

  it('sends from the chosen account, else the richest', () => {
    const balances = [
      { id: 'acct-1', balance: 10 },
      { id: 'acct-2', balance: 0 },
      { id: 'gone', balance: 99 },
    ];
    expect(transferSource({ store: 'bank', id: 'acct-2' }, streams, balances)).toBe('acct-2');
    expect(transferSource(null, streams, balances)).toBe('acct-1');
    expect(transferSource(null, streams)).toBe('acct-2');
  });

  it('offers every other account as a destination', () => {
    expect(otherAccounts('acct-1', streams)).toEqual(['acct-2']);
  });

  it('grows to ten thousand events and reports how far it got', () => {
    expect(growCount(3)).toBe(9997);
    expect(growCount(12_000)).toBe(0);
    expect(growFraction(3, 5003, 9997)).toBeCloseTo(0.5, 3);
    expect(growFraction(3, 3, 0)).toBe(1);
  });

  it('makes an order with items and an account with money', async () => {
    run = await createInProcessEsController();
    await newOrder(run, 'order-1', 1);
    await openAccount(run, 'acct-1', 1);
    expect((await run.stateAt('order-1')).state).toMatchObject({
      status: 'DRAFT',
      total: 84,
      customerId: 'alice',
    });
    expect((await run.stateAt('acct-1')).state).toMatchObject({
      status: 'OPEN',
      balance: 100,
      owner: 'Ada',
    });
  });
});

describe('streams while a store is down', () => {
  it('keeps the last known streams of the store that did not answer', async () => {
    const { mergeStreams } = await import('./connectEs');
    const polled = [s('orders', 'order-1', 5)];
    const previous = [s('orders', 'order-1', 4), s('bank', 'acc-1', 2)];
    expect(mergeStreams(polled, previous, (store) => store === 'orders')).toEqual([
      s('orders', 'order-1', 5),
      s('bank', 'acc-1', 2),
    ]);
  });
});
