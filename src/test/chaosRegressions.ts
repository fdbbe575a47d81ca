// Seeds the chaos suite once found breaking an invariant with the patterns on.
// Each stays here, named for what it exposed, and runs on every test run.

import type { Scenario } from '../core/scenario/scenario';

export interface ChaosRegression {
  seed: number;
  name: string;
  /**
   * The seed's scenario as the fuzzer drew it when it failed (its saga style and fault plan), pinned so the
   * regression replays the same run even after the generator draws differently.
   */
  scenario?: Pick<Scenario, 'sagaStyle' | 'faults'>;
}

export const CHAOS_REGRESSIONS: ChaosRegression[] = [
  {
    seed: 8,
    name: 'payment down 157 s under orchestration: its timed-out charge was left out of the compensation, then carried out on restart (cancelled order, still charged)',
    scenario: {
      sagaStyle: 'orchestration',
      faults: [
        {
          kind: 'crash',
          service: 'payment',
          point: 'relay-after-publish-before-mark',
          nth: 3,
          downMs: 156_990,
        },
      ],
    },
  },
  {
    seed: 78,
    name: 'ScheduleShipment held back 26.7 s: the timed-out step was not compensated and the late command scheduled a shipment on a cancelled order',
    scenario: {
      sagaStyle: 'orchestration',
      faults: [
        { kind: 'delay', group: 'shipping', type: 'ScheduleShipment', ms: 26_701 },
        { kind: 'crash', service: 'payment', point: 'after-commit-before-publish', nth: 2 },
      ],
    },
  },
  {
    seed: 174,
    name: 'CompleteOrder held back 30 s: the saga compensated after its pivot, the late command completed the order anyway, and CancelOrder stuck on OrderClosed',
    scenario: {
      sagaStyle: 'orchestration',
      faults: [
        { kind: 'crash', service: 'orchestrator', point: 'before-commit', nth: 4, downMs: 61 },
        { kind: 'delay', group: 'order', type: 'CompleteOrder', ms: 30_046 },
      ],
    },
  },
];

/** The same for the event-sourced chaos suite (`src/test/esChaos.test.ts`). */
export const ES_CHAOS_REGRESSIONS: ChaosRegression[] = [
  {
    seed: 139,
    name: 'a transfer whose credit met a version conflict three times on a busy account stayed in flight until the next bank restart',
  },
];
