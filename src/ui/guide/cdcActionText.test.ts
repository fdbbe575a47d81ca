import { describe, expect, it } from 'vitest';
import { actionText } from './narrativeActions';

describe('the guide’s words for a CDC run’s actions', () => {
  it('names each, in the present and the past', () => {
    expect(actionText({ kind: 'cdcWrite', write: { op: 'create', listing: { title: 'Treehouse' } } })).toBe(
      'inserts listing “Treehouse”',
    );
    expect(
      actionText({ kind: 'cdcWrite', write: { op: 'update', id: 'L-100', changes: { price: 175 } } }, 'past'),
    ).toBe('updated L-100: price 175');
    expect(actionText({ kind: 'cdcWrite', write: { op: 'delete', id: 'L-1' } })).toBe('deletes L-1');
    expect(actionText({ kind: 'cdcWriteMany', count: 100 })).toBe(
      'makes 100 random writes to the listings table',
    );
    expect(
      actionText(
        { kind: 'cdcCrashAt', process: 'connector', point: 'cdc-after-publish-before-position' },
        'past',
      ),
    ).toBe('armed a crash of connector at cdc-after-publish-before-position');
    expect(actionText({ kind: 'cdcRestart', process: 'connector' })).toBe('restarts connector');
    expect(actionText({ kind: 'cdcSettle' }, 'past')).toBe(
      'waited until the read model had applied the whole log',
    );
    expect(actionText({ kind: 'cdcSearch', text: 'treehouse', city: 'Kyoto' })).toBe(
      'searches for “treehouse” in Kyoto',
    );
    expect(actionText({ kind: 'showCdcTab', tab: 'anomalies' })).toBe('opens the Anomalies tab');
  });
});
