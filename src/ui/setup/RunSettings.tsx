// How this run works: its approach and who drives the saga (switching either
// starts a fresh run, as the services are wired differently), and whether the
// inbox and the idempotency key guard against duplicates (changed live in every service).

import { useState } from 'react';
import type { SagaStyle, ServiceConfig } from '../../core/service/definition';
import { useController } from '../controls/ControllerContext';
import { useActions } from '../controls/useActions';
import { ApproachPicker } from './ApproachPicker';
import { urlWithStyle } from './runUrl';

const STYLES: { style: SagaStyle; label: string; help: string }[] = [
  { style: 'choreography', label: 'Choreography', help: 'each service reacts to the previous one’s event' },
  { style: 'orchestration', label: 'Orchestration', help: 'an orchestrator commands each step' },
];

type Guard = 'inbox' | 'idempotencyKeys';

const GUARDS: { key: Guard; label: string; help: string }[] = [
  { key: 'inbox', label: 'Inbox', help: 'a redelivered message is recognised by its id and skipped' },
  {
    key: 'idempotencyKeys',
    label: 'Idempotency keys',
    help: 'a repeated charge request returns the first charge instead of charging again',
  },
];

function switchStyle(current: SagaStyle, next: SagaStyle): void {
  if (next === current) return;
  const ok = window.confirm(
    `Switch to ${next}? This starts a fresh run: the current run’s orders and sagas are left behind.`,
  );
  if (ok) window.location.assign(urlWithStyle(window.location.href, next));
}

export function RunSettings() {
  const controller = useController();
  const actions = useActions();
  const current = controller.config.sagaStyle;
  // Direct calls and two-phase commit have no saga, so no one to drive it.
  const sagaless = controller.ordering !== 'messaging';
  // Remembered here as well: the controller's config is read once, changes are shown at once.
  const [guards, setGuards] = useState<Pick<ServiceConfig, Guard>>(() => ({
    inbox: controller.config.inbox,
    idempotencyKeys: controller.config.idempotencyKeys,
  }));
  const toggle = (key: Guard, value: boolean) => {
    setGuards((g) => ({ ...g, [key]: value }));
    actions.configure({ [key]: value }, () => setGuards((g) => ({ ...g, [key]: !value })));
  };
  return (
    <div className="run-settings">
      <ApproachPicker />
      <fieldset className="setting-group" disabled={sagaless}>
        <legend>Saga style</legend>
        {STYLES.map(({ style, label, help }) => (
          <label key={style} className="setting-option">
            <input
              type="radio"
              name="saga-style"
              value={style}
              checked={current === style}
              onChange={() => switchStyle(current, style)}
            />
            <span>
              <strong>{label}</strong> <span className="muted">— {help}</span>
            </span>
          </label>
        ))}
        <p className="setting-note">
          {sagaless ? 'This approach has no saga: pick Outbox + saga or Dual write first.' : 'Switching starts a fresh run.'}
        </p>
      </fieldset>
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
