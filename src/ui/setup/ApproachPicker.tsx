// Which approach the run demonstrates: the patterns, or one of the "before"
// approaches they replace. Services are wired differently for each, so a
// switch starts a fresh run (the same link with other URL settings).

import { approachOf, choiceOf, type ApproachChoice } from '../approach';
import { useController } from '../controls/ControllerContext';
import { urlWithApproach } from './runUrl';

const CHOICES: { choice: ApproachChoice; label: string; help: string }[] = [
  {
    choice: 'outbox',
    label: 'Outbox + saga',
    help: 'events leave through the outbox; a saga chains and undoes the steps',
  },
  {
    choice: 'dual-write',
    label: 'Dual write',
    help: 'commit, then publish straight to the broker: no outbox',
  },
  {
    choice: 'direct-calls',
    label: 'Direct calls',
    help: 'the order service calls each service and waits: no events',
  },
  {
    choice: 'two-phase-commit',
    label: 'Two-phase commit',
    help: 'payment and inventory lock what an order needs, then commit together',
  },
];

function switchApproach(current: ApproachChoice, next: ApproachChoice, label: string): void {
  if (next === current) return;
  const ok = window.confirm(
    `Switch to ${label}? This starts a fresh run: the current run’s orders and sagas are left behind.`,
  );
  if (ok) window.location.assign(urlWithApproach(window.location.href, next));
}

export function ApproachPicker() {
  const current = choiceOf(approachOf(useController()));
  return (
    <fieldset className="setting-group">
      <legend>Approach</legend>
      {CHOICES.map(({ choice, label, help }) => (
        <label key={choice} className="setting-option">
          <input
            type="radio"
            name="approach"
            value={choice}
            checked={current === choice}
            onChange={() => switchApproach(current, choice, label)}
          />
          <span>
            <strong>{label}</strong> <span className="muted">— {help}</span>
          </span>
        </label>
      ))}
      <p className="setting-note">
        The last three are what the patterns replace. Switching starts a fresh run.
      </p>
    </fieldset>
  );
}
