import { describe, expect, it } from 'vitest';
import { plainStep } from './plainStep';

const subjects: Record<string, string> = { 'evt-1111222233334444': 'o-c0710e709471af29' };
const subjectOf = (id: string) => subjects[id];

describe('the last step in plain words', () => {
  it('names what a service received and for which order', () => {
    expect(plainStep('payment takes order-events#0 → 3:OrderCreated:evt-1111222233334444', subjectOf)).toBe(
      'payment received OrderCreated for o-af29',
    );
    expect(
      plainStep(
        'payment takes order-events#0 → 3:OrderCreated:evt-1111222233334444,4:OrderCreated:evt-9 twice',
        subjectOf,
      ),
    ).toBe('payment received OrderCreated for o-af29 and OrderCreated, delivered twice');
  });

  it('says relays, restarts, timers, placing and the clock in words, and a crash as a crash', () => {
    expect(plainStep('order relays its outbox → published 2', subjectOf)).toBe(
      "order's relay published 2 events",
    );
    expect(plainStep('order relays its outbox → published 0', subjectOf)).toBe(
      "order's relay finds nothing to publish",
    );
    expect(plainStep('order relays its outbox → crashed', subjectOf)).toBe(
      "order's relay publishes its outbox, and crashes doing it",
    );
    expect(plainStep('restart order → recovered', subjectOf)).toBe(
      'order restarts and reads its database back',
    );
    expect(plainStep('place order #2 → "o-1"', subjectOf)).toBe('order #2 is placed');
    expect(plainStep('orchestrator checks its timers → timers checked', subjectOf)).toBe(
      'orchestrator checks its saga deadlines',
    );
    expect(plainStep('clock jumps to 1500 ms → advanced', subjectOf)).toBe(
      'nothing can run: the clock jumps to 1.5 s',
    );
    expect(plainStep('payment takes order-events#1 → nothing to fetch', subjectOf)).toBe(
      'payment finds nothing new on order-events',
    );
  });

  it('leaves a step it does not know as the trace says it', () => {
    expect(plainStep('listings writes → ok', subjectOf)).toBe('listings writes → ok');
    expect(plainStep('—', subjectOf)).toBe('—');
  });
});
