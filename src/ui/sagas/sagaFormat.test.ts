import { describe, expect, it } from 'vitest';
import { currentStepLabel, operatorBlock, sagaTime } from './sagaFormat';

describe('saga formatting', () => {
  it('names the compensation under way instead of the step being undone', () => {
    expect(currentStepLabel('RUNNING', 'processPayment')).toBe('processPayment');
    expect(currentStepLabel('STUCK', 'reserveInventory')).toBe('↶ ReleaseInventory');
    expect(currentStepLabel('COMPENSATING', 'createOrder')).toBe('↶ CancelOrder');
    expect(currentStepLabel('COMPLETED', null)).toBeNull();
  });

  it('offers the operator buttons only for a stuck orchestrated saga, and says why otherwise', () => {
    expect(operatorBlock({ style: 'orchestration', status: 'STUCK' })).toBeNull();
    expect(operatorBlock({ style: 'orchestration', status: 'RUNNING' })).toMatch(/stuck/);
    expect(operatorBlock({ style: 'choreography', status: 'COMPENSATING' })).toMatch(/no orchestrator/);
  });

  it('shows orchestrator history in simulation seconds and outbox events on the wall clock', () => {
    expect(sagaTime({ at: 12_345, kind: 'retry' })).toBe('12.3 s');
    expect(sagaTime({ at: new Date(2024, 0, 1, 9, 5, 7).getTime(), kind: 'event' })).toBe('09:05:07');
  });
});
