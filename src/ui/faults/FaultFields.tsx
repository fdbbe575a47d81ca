// The fields of the Add-fault form that depend on the kind: whom it hits
// (service or consumer group), where (crash point, with what that point
// means), and how much. Each input has a visible label.

import { useId, type ReactNode } from 'react';
import { CRASH_POINTS, isCrashPoint, type CrashPoint } from '../../core/crashPoints';
import type { ServiceName } from '../../core/rows';
import { NUMBER_OF, NUMBERS, type DraftField, type FaultDraft, type NumberKey } from './faultDraft';

interface Props {
  draft: FaultDraft;
  change(patch: Partial<FaultDraft>): void;
  changeService(service: ServiceName): void;
  services: readonly ServiceName[];
  points: readonly CrashPoint[];
  types: readonly string[];
  /** The field the last Add refused, marked aria-invalid. */
  invalid: DraftField | null;
}

const UNITS: Record<NumberKey, string> = {
  nth: 'time it is reached',
  ms: 'ms',
  publishes: 'publishes',
  factor: '× slower',
  down: 'ms (simulation time; 0: until restarted)',
};

function Field({
  id,
  label,
  children,
  help,
}: {
  id: string;
  label: string;
  children: ReactNode;
  help?: ReactNode;
}) {
  return (
    <>
      <label htmlFor={id} className="fault-label">
        {label}
      </label>
      <div className="fault-control">
        {children}
        {help}
      </div>
    </>
  );
}

export function FaultFields({ draft, change, changeService, services, points, types, invalid }: Props) {
  const id = useId();
  const { kind } = draft;
  const numberKey = NUMBER_OF[kind];
  return (
    <>
      {kind !== 'broker-outage' && (
        <Field id={`${id}-service`} label={kind === 'crash' ? 'Service' : 'Consumer group'}>
          <select
            id={`${id}-service`}
            value={draft.service}
            onChange={(e) => changeService(e.target.value as ServiceName)}
          >
            {services.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
      )}
      {kind === 'crash' && (
        <Field
          id={`${id}-point`}
          label="Crash point"
          help={
            <p id={`${id}-point-help`} className="fault-help">
              {CRASH_POINTS[draft.point]}
            </p>
          }
        >
          <select
            id={`${id}-point`}
            value={draft.point}
            aria-describedby={`${id}-point-help`}
            onChange={(e) => isCrashPoint(e.target.value) && change({ point: e.target.value })}
          >
            {points.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
      )}
      {(kind === 'duplicate' || kind === 'delay') && (
        <Field id={`${id}-type`} label="Message type">
          <input
            id={`${id}-type`}
            type="text"
            list={`${id}-types`}
            value={draft.type}
            spellCheck={false}
            data-field="type"
            aria-invalid={invalid === 'type'}
            onChange={(e) => change({ type: e.target.value })}
          />
          <datalist id={`${id}-types`}>
            {types.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </Field>
      )}
      {numberKey && (
        <NumberField id={id} numberKey={numberKey} draft={draft} change={change} invalid={invalid} />
      )}
      {kind === 'crash' && (
        <NumberField id={id} numberKey="down" draft={draft} change={change} invalid={invalid} />
      )}
    </>
  );
}

function NumberField({
  id,
  numberKey,
  draft,
  change,
  invalid,
}: { id: string; numberKey: NumberKey } & Pick<Props, 'draft' | 'change' | 'invalid'>) {
  return (
    <Field id={`${id}-${numberKey}`} label={NUMBERS[numberKey].name}>
      <input
        id={`${id}-${numberKey}`}
        type="number"
        className="number-field"
        inputMode="numeric"
        min={NUMBERS[numberKey].min}
        step={1}
        value={draft[numberKey]}
        data-field={numberKey}
        aria-invalid={invalid === numberKey}
        onChange={(e) => change({ [numberKey]: e.target.value })}
      />
      <span className="fault-unit">{UNITS[numberKey]}</span>
    </Field>
  );
}
