// What the toolbar's buttons do, as plain functions of the controller and the
// streams on screen: which order or account an action means, and the commands
// that make a new order or account worth looking at.

import type { EsController, StreamInfo } from '../../runtime/esController';
import type { Chosen } from './esStore';

const CUSTOMERS = ['alice', 'bob', 'carol', 'dave'];
const OWNERS = ['Ada', 'Grace', 'Linus', 'Barbara'];
const OPENING_DEPOSIT = 100;
export const DEPOSIT = 50;
export const GROW_TARGET = 10_000;

const pick = (list: string[], n: number) => list[(n - 1) % list.length];

/** A draft order with a couple of items: three events to replay. */
export async function newOrder(
  controller: Pick<EsController, 'orderCommand'>,
  id: string,
  n: number,
): Promise<void> {
  await controller.orderCommand(id, { type: 'create', customerId: pick(CUSTOMERS, n) });
  await controller.orderCommand(id, { type: 'addItem', sku: 'SKU-LAMP', qty: 1, price: 60 });
  await controller.orderCommand(id, { type: 'addItem', sku: 'SKU-MUG', qty: 2, price: 12 });
}

/** An open account with money on it, so a transfer has something to move. */
export async function openAccount(controller: EsController, id: string, n: number): Promise<void> {
  await controller.accountCommand(id, { type: 'open', owner: pick(OWNERS, n) });
  await controller.accountCommand(id, { type: 'deposit', amount: OPENING_DEPOSIT });
}

/** The chosen stream if it belongs to `store`, else the newest stream there (the last listed), else null. */
export function target(
  store: 'orders' | 'bank',
  chosen: Chosen | null,
  streams: readonly StreamInfo[],
): string | null {
  if (chosen?.store === store && streams.some((s) => s.id === chosen.id)) return chosen.id;
  return streams.filter((s) => s.store === store).at(-1)?.id ?? null;
}

/** A transfer's source: the chosen account, else the one with most money in the balances read model, else the newest. */
export function transferSource(
  chosen: Chosen | null,
  streams: readonly StreamInfo[],
  balances: readonly Record<string, unknown>[] = [],
): string | null {
  if (chosen?.store === 'bank' && streams.some((s) => s.id === chosen.id)) return chosen.id;
  const accounts = new Set(streams.filter((s) => s.store === 'bank').map((s) => s.id));
  const richest = balances
    .filter((b) => accounts.has(String(b.id)))
    .sort((a, b) => Number(b.balance) - Number(a.balance))[0];
  return richest ? String(richest.id) : target('bank', chosen, streams);
}

/** Accounts other than `from`, for a transfer's destination. */
export function otherAccounts(from: string | null, streams: readonly StreamInfo[]): string[] {
  return streams.filter((s) => s.store === 'bank' && s.id !== from).map((s) => s.id);
}

/** Events to append so the order reaches GROW_TARGET. */
export function growCount(version: number): number {
  return Math.max(0, GROW_TARGET - version);
}

/** How far a grow has come, 0–1, from the stream's version when it started. */
export function growFraction(startVersion: number, version: number, count: number): number {
  if (count <= 0) return 1;
  return Math.min(1, Math.max(0, (version - startVersion) / count));
}
