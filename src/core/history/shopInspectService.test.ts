// inspect names one service's row when two services hold one of the same id:
// payment's and inventory's inbox rows of one OrderCreated share its message id.

import { describe, expect, it } from 'vitest';
import type { Fact } from '../telemetry';
import type { HistoryEntry } from './factHistory';
import { qualifiedKind } from './historySpec';
import { shopFold, type ShopState } from './shopFold';
import { shopInspect, shopRowId } from './shopInspect';

const took = (service: 'payment' | 'inventory'): Fact => ({
  kind: 'commit',
  service,
  changes: [{ table: 'inbox', op: 'put', key: 'e-1', row: { message_id: 'e-1', processed_at: 5 } }],
});

function folded(facts: Fact[]): { state: ShopState; entries: HistoryEntry<{ kind: string }>[] } {
  const state = shopFold.empty();
  facts.forEach((f) => shopFold.apply(state, f));
  return { state, entries: facts.map((fact, seq) => ({ seq, at: seq + 1, fact })) };
}

describe('inspect with a service named', () => {
  const { state, entries } = folded([took('payment'), took('inventory')]);

  it('finds the named service’s row, and the first one found when none is named', () => {
    expect(shopInspect(state, entries, 'inbox', 'e-1', 'inventory')).toMatchObject({
      service: 'inventory',
      committed: { seq: 1 },
    });
    expect(shopInspect(state, entries, 'inbox', 'e-1').service).toBe('payment');
  });

  it('refuses a service that holds no such row, naming it', () => {
    expect(() => shopInspect(state, entries, 'inbox', 'e-1', 'shipping')).toThrow(
      'no shipping/inbox "e-1" in the recorded history',
    );
  });

  it('reads a kind that names its service', () => {
    expect(qualifiedKind('payment/inbox')).toEqual({ service: 'payment', kind: 'inbox' });
    expect(qualifiedKind('record')).toEqual({ kind: 'record' });
  });

  it('names an outbox row by its CloudEvent id and any other row by its key', () => {
    expect(shopRowId('order', 'outbox', { seq: 3, id: 'e-9' })).toBe('e-9');
    expect(shopRowId('payment', 'inbox', { message_id: 'e-1' })).toBe('e-1');
  });
});
