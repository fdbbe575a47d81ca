// How this run works: its approach and who drives the saga (switching either
// starts a fresh run, as the services are wired differently), and whether the
// inbox and the idempotency key guard against duplicates (changed live in every service).

import type { SagaStyle } from '../../core/service/definition';
import type { Guards } from '../../runtime/controller';
import { useApproach } from '../useApproach';
import { useController } from '../controls/ControllerContext';
import { useActions } from '../controls/useActions';
import { ApproachPicker } from './ApproachPicker';
import { urlWithStyle } from './runUrl';
import { FreshRunChoice, type Option } from './FreshRunChoice';

const STYLES: Option<SagaStyle>[] = [
  { value: 'choreography', label: 'Choreography', help: 'each service reacts to the previous one’s event' },
  { value: 'orchestration', label: 'Orchestration', help: 'an orchestrator commands each step' },
];

type Guard = keyof Guards;
const ALL_ON: Guards = { inbox: true, idempotencyKeys: true, semanticLocks: true };

const GUARDS: { key: Guard; label: string; help: string }[] = [
  { key: 'inbox', label: 'Inbox', help: 'a redelivered message is recognised by its id and skipped' },
  {
    key: 'idempotencyKeys',
    label: 'Idempotency keys',
    help: 'a repeated charge request returns the first charge instead of charging again',
  },
  {
    key: 'semanticLocks',
    label: 'Semantic locks',
    help: 'a saga participant refuses a step’s command that arrives after it compensated that step',
  },
];

export function RunSettings() {
  const controller = useController();
  const actions = useActions();
  const current = controller.config.sagaStyle;
  // Direct calls and two-phase commit have no saga, so no one to drive it.
  const sagaless = controller.ordering !== 'messaging';
  // As the run says it has them: a box changes once every service took the change (a refusal leaves it be).
  const guards = useApproach().guards ?? ALL_ON;
  const toggle = (key: Guard, value: boolean) => actions.configure({ [key]: value });
  return (
    <div className="run-settings">
      <ApproachPicker />
      <FreshRunChoice
        legend="Saga style"
        name="saga-style"
        options={STYLES}
        current={current}
        urlFor={(next) => urlWithStyle(window.location.href, next)}
        disabled={sagaless}
        note={
          sagaless
            ? 'This approach has no saga: pick Outbox + saga or Dual write first.'
            : 'Switching starts a fresh run.'
        }
      />
      <fieldset className="setting-group">
        <legend>Duplicate guards</legend>
        {GUARDS.map(({ key, label, help }) => (
          <label key={key} className="setting-option">
            <input type="checkbox" checked={guards[key]} onChange={(e) => toggle(key, e.target.checked)} />
            <span>
              <strong>{label}</strong> <span className="muted">— {help}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
