import { describe, expect, it } from 'vitest';
import { DEFAULT_APPROACH, type Approach } from '../approach';
import { crashPointsFor } from './crashPointsFor';
import { ORDERINGS, PUBLISHINGS, SAGA_STYLES } from '../../core/scenario/scenario';
import { TOPOLOGY_FACTS } from '../../core/scenario/topologyFacts';
import { SERVICE_NAMES } from '../../core/rows';

const approach = (patch: Partial<Approach>): Approach => ({ ...DEFAULT_APPROACH, ...patch });

describe('crashPointsFor', () => {
  it('offers the messaging points in catalogue order in a run of the patterns', () => {
    expect(crashPointsFor(DEFAULT_APPROACH, 'payment')).toEqual([
      'before-commit',
      'after-commit-before-publish',
      'relay-after-publish-before-mark',
      'consumer-after-commit-before-ack',
    ]);
  });

  it('puts dual write’s own failure first and leaves out the relay it does not have', () => {
    expect(crashPointsFor(approach({ publishing: 'dual-write' }), 'order')).toEqual([
      'after-commit-before-publish',
      'before-commit',
      'consumer-after-commit-before-ack',
    ]);
  });

  it('offers the before approaches’ own points on the order service only, first', () => {
    expect(crashPointsFor(approach({ ordering: 'two-phase-commit' }), 'order')).toEqual([
      'coordinator-after-prepare',
      'before-commit',
    ]);
    expect(crashPointsFor(approach({ ordering: 'two-phase-commit' }), 'inventory')).toEqual([
      'before-commit',
    ]);
    expect(crashPointsFor(approach({ ordering: 'direct-calls' }), 'order')[0]).toBe('direct-after-charge');
  });

  it('keeps a point armed elsewhere listed, so the picker can show it', () => {
    expect(
      crashPointsFor(approach({ ordering: 'direct-calls' }), 'payment', 'consumer-after-commit-before-ack'),
    ).toEqual(['before-commit', 'consumer-after-commit-before-ack']);
  });

  it('never offers a point a share link of the run would refuse (the topology facts allow it)', () => {
    for (const ordering of ORDERINGS)
      for (const publishing of PUBLISHINGS)
        for (const sagaStyle of SAGA_STYLES)
          for (const process of SERVICE_NAMES) {
            const allowed = TOPOLOGY_FACTS.shop.processes[process].crashPoints;
            for (const point of crashPointsFor({ ordering, publishing, sagaStyle }, process))
              expect(allowed, `${ordering}/${publishing}/${sagaStyle}: ${process} at ${point}`).toContain(
                point,
              );
          }
  });
});
