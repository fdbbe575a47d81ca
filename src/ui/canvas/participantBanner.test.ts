import { describe, expect, it } from 'vitest';
import type { ParticipantView } from '../store/twoPhase';
import { participantBanner } from './participantBanner';

const view = (patch: Partial<ParticipantView>): ParticipantView => ({
  locks: [],
  waits: [],
  prepared: 0,
  transactions: [],
  coordinatorDown: false,
  state: 'idle',
  ...patch,
});

const lock = (resource: string, txId: string) => ({ resource, txId, orderId: 'o-1', since: 0 });

describe('participantBanner', () => {
  it('says blocked, the lock and its transaction, and how many promises await a decision', () => {
    const banner = participantBanner(
      view({
        state: 'blocked',
        coordinatorDown: true,
        locks: [lock('stock:SKU-LAMP', 'tx-ea40923a0d4767ba')],
        transactions: ['tx-ea40923a0d4767ba'],
        prepared: 1,
      }),
    );
    expect(banner).toEqual({
      title: 'BLOCKED: coordinator down',
      lines: ['holding 1 lock for tx-67ba', 'prepared, awaiting decision: 1'],
    });
  });

  it('counts transactions when locks belong to several', () => {
    const banner = participantBanner(
      view({
        state: 'in-doubt',
        locks: [lock('credit:alice', 'tx-1'), lock('credit:bob', 'tx-2')],
        transactions: ['tx-1', 'tx-2'],
        prepared: 2,
      }),
    );
    expect(banner.title).toBe('in doubt: awaiting the decision');
    expect(banner.lines).toEqual(['holding 2 locks for 2 transactions', 'prepared, awaiting decision: 2']);
  });

  it('names a promise held without locks', () => {
    expect(participantBanner(view({ state: 'blocked', transactions: ['tx-9'], prepared: 1 })).lines[0]).toBe(
      'holding a promise for tx-9',
    );
  });

  it('keeps two lines when idle, so the banner keeps its height', () => {
    expect(participantBanner(view({})).lines).toHaveLength(2);
  });
});
