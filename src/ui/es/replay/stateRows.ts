// An aggregate's folded state as rows a small table can show: an order's
// status, customer, total and lines; an account's owner, balance and
// transfers; anything else field by field. Pure.

import { money } from '../../format';

export interface StateTable {
  fields: [string, string][];
  /** An order's lines, when the state has them. */
  lines: { sku: string; qty: number; price: string }[] | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function list(v: unknown): string {
  if (!Array.isArray(v)) return String(v);
  return v.length ? v.join(', ') : 'none';
}

export function stateTable(state: unknown): StateTable {
  if (!isObj(state)) return { fields: [['state', JSON.stringify(state)]], lines: null };
  if ('lines' in state && Array.isArray(state.lines)) {
    return {
      fields: [
        ['status', String(state.status)],
        ['customer', String(state.customerId ?? '—')],
        ['total', money(state.total)],
      ],
      lines: (state.lines as Obj[]).map((l) => ({
        sku: String(l.sku),
        qty: Number(l.qty),
        price: money(l.price),
      })),
    };
  }
  if ('balance' in state) {
    return {
      fields: [
        ['status', String(state.status)],
        ['owner', String(state.owner ?? '—')],
        ['balance', money(state.balance)],
        ['transfers out', list(state.pending)],
        ['credits received', Array.isArray(state.received) ? String(state.received.length) : '—'],
      ],
      lines: null,
    };
  }
  return {
    fields: Object.entries(state)
      .filter(([k]) => k !== 'id')
      .map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]),
    lines: null,
  };
}
