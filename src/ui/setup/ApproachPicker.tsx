// Which approach the run demonstrates: the patterns, or one of the "before"
// approaches they replace. Services are wired differently for each, so a
// switch starts a fresh run (the same link with other URL settings).

import { approachOf, choiceOf, type ApproachChoice } from '../approach';
import { useController } from '../controls/ControllerContext';
import { urlWithApproach } from './runUrl';
import { FreshRunChoice, type Option } from './FreshRunChoice';

const CHOICES: Option<ApproachChoice>[] = [
  {
    value: 'outbox',
    label: 'Outbox + saga',
    help: 'events leave through the outbox; a saga chains and undoes the steps',
  },
  {
    value: 'dual-write',
    label: 'Dual write',
    help: 'commit, then publish straight to the broker: no outbox',
  },
  {
    value: 'direct-calls',
    label: 'Direct calls',
    help: 'the order service calls each service and waits: no events',
  },
  {
    value: 'two-phase-commit',
    label: 'Two-phase commit',
    help: 'payment and inventory lock what an order needs, then commit together',
  },
];

export function ApproachPicker() {
  const current = choiceOf(approachOf(useController()));
  return (
    <FreshRunChoice
      legend="Approach"
      name="approach"
      options={CHOICES}
      current={current}
      urlFor={(next) => urlWithApproach(window.location.href, next)}
      note="The last three are what the patterns replace. Switching starts a fresh run."
    />
  );
}
