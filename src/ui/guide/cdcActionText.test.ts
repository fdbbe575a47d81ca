import { describe, expect, it } from 'vitest';
import { actionText } from './narrativeActions';

describe('the guide’s words for a CDC run’s actions', () => {
  it('names each, in the present and the past', () => {
    expect(
      actionText({ kind: 'write', write: { op: 'create', listing: { title: 'Treehouse' } } }, 'cdc'),
    ).toBe('inserts listing “Treehouse”');
    expect(
      actionText(
        { kind: 'write', write: { op: 'update', id: 'L-100', changes: { price: 175 } } },
        'cdc',
        'past',
      ),
    ).toBe('updated L-100: price 175');
    expect(actionText({ kind: 'write', write: { op: 'delete', id: 'L-1' } }, 'cdc')).toBe('deletes L-1');
    expect(actionText({ kind: 'writeMany', count: 100 }, 'cdc')).toBe(
      'makes 100 random writes to the listings table',
    );
    expect(
      actionText(
        { kind: 'crashAt', process: 'connector', point: 'cdc-after-publish-before-position' },
        'cdc',
        'past',
      ),
    ).toBe('armed a crash of connector at cdc-after-publish-before-position');
    expect(actionText({ kind: 'restart', process: 'connector' }, 'cdc')).toBe('restarts connector');
    expect(actionText({ kind: 'settle' }, 'cdc', 'past')).toBe(
      'waited until the read model had applied the whole log',
    );
    expect(actionText({ kind: 'search', text: 'treehouse', city: 'Kyoto' }, 'cdc')).toBe(
      'searches for “treehouse” in Kyoto',
    );
    expect(actionText({ kind: 'showTab', tab: 'anomalies' }, 'cdc')).toBe('opens the Anomalies tab');
  });
});
