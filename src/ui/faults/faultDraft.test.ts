import { describe, expect, it } from 'vitest';
import { faultFromDraft, initialDraft, withService } from './faultDraft';

const draft = initialDraft('payment', 'before-commit', 'OrderCreated');

describe('faultFromDraft', () => {
  it('makes a fault of each kind from the fields that kind uses', () => {
    expect(faultFromDraft({ ...draft, nth: '3' })).toEqual({
      fault: { kind: 'crash', service: 'payment', point: 'before-commit', nth: 3 },
    });
    expect(faultFromDraft({ ...draft, kind: 'duplicate', type: ' OrderCreated ' })).toEqual({
      fault: { kind: 'duplicate', group: 'payment', type: 'OrderCreated' },
    });
    expect(faultFromDraft({ ...draft, kind: 'delay', ms: '50' })).toEqual({
      fault: { kind: 'delay', group: 'payment', type: 'OrderCreated', ms: 50 },
    });
    expect(faultFromDraft({ ...draft, kind: 'broker-outage', publishes: '4' })).toEqual({
      fault: { kind: 'broker-outage', publishes: 4 },
    });
    expect(faultFromDraft({ ...draft, kind: 'slow', factor: '5' })).toEqual({
      fault: { kind: 'slow', group: 'payment', factor: 5 },
    });
  });

  it('makes a crash an outage when it stays down a while, and refuses a stay that is not whole', () => {
    expect(faultFromDraft({ ...draft, down: '21000' })).toEqual({
      fault: { kind: 'crash', service: 'payment', point: 'before-commit', nth: 1, downMs: 21_000 },
    });
    expect(faultFromDraft({ ...draft, down: '0' })).toEqual({
      fault: { kind: 'crash', service: 'payment', point: 'before-commit', nth: 1 },
    });
    expect(faultFromDraft({ ...draft, down: '2.5' })).toMatchObject({ field: 'down' });
  });

  it('refuses a duplicate or delay without a message type, naming the field', () => {
    expect(faultFromDraft({ ...draft, kind: 'duplicate', type: '  ' })).toMatchObject({ field: 'type' });
    expect(faultFromDraft({ ...draft, kind: 'crash', type: '' })).toHaveProperty('fault');
  });

  it('refuses a number that is not whole or below its minimum, rather than using another', () => {
    expect(faultFromDraft({ ...draft, nth: '0' })).toEqual({
      error: 'Which time: “0” is not a whole number of at least 1.',
      field: 'nth',
    });
    expect(faultFromDraft({ ...draft, kind: 'slow', factor: '1.5' })).toMatchObject({ field: 'factor' });
    expect(faultFromDraft({ ...draft, kind: 'delay', ms: '' })).toMatchObject({ field: 'ms' });
  });

  it('ignores the number fields another kind uses', () => {
    expect(faultFromDraft({ ...draft, kind: 'duplicate', nth: 'x' })).toHaveProperty('fault');
  });
});

describe('withService', () => {
  const types = { types: ['ShipmentScheduled'], oldTypes: ['OrderCreated'] };

  it('keeps the crash point where the new service reaches it, else takes its first', () => {
    expect(
      withService(draft, 'order', { ...types, points: ['direct-after-charge', 'before-commit'] }).point,
    ).toBe('before-commit');
    expect(withService(draft, 'order', { ...types, points: ['direct-after-charge'] }).point).toBe(
      'direct-after-charge',
    );
  });

  it('follows the new group’s suggestions unless the type was typed by hand', () => {
    expect(withService(draft, 'order', { ...types, points: [] }).type).toBe('ShipmentScheduled');
    const typed = { ...draft, type: 'MyOwnEvent' };
    expect(withService(typed, 'order', { ...types, points: [] }).type).toBe('MyOwnEvent');
  });
});
