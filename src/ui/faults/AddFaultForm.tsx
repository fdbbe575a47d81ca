// Adds one fault to the end of the plan. The fields follow the kind; a refused
// value or a plan the conductor rejects is shown here (role=alert) until the
// next attempt, and the refused field takes focus so it can be corrected.

import { useId, useRef, useState, type FormEvent } from 'react';
import { describeFault, type FaultKind } from '../../core/faults/faultPlan';
import type { ServiceName } from '../../core/rows';
import { approachOf } from '../approach';
import { useController } from '../controls/ControllerContext';
import { crashPointsFor } from '../controls/crashPointsFor';
import {
  FAULT_KINDS,
  faultFromDraft,
  initialDraft,
  withService,
  type DraftField,
  type FaultDraft,
} from './faultDraft';
import { FaultFields } from './FaultFields';
import { KNOWN_TYPES, targetServices } from './faultTargets';
import { InlineError } from './InlineError';
import { useFaultPlan, usePlanSaver } from './useFaultPlan';

export function AddFaultForm() {
  const controller = useController();
  const approach = approachOf(controller);
  const services = targetServices(controller.processNames);
  const plan = useFaultPlan();
  const { save, busy, error, dismiss } = usePlanSaver();
  const [draft, setDraft] = useState<FaultDraft>(() =>
    initialDraft(services[0], crashPointsFor(approach, services[0])[0], KNOWN_TYPES[services[0]][0]),
  );
  const [refused, setRefused] = useState<{ error: string; field: DraftField } | null>(null);
  const [added, setAdded] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const id = useId();

  const change = (patch: Partial<FaultDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const changeService = (service: ServiceName) =>
    setDraft((d) =>
      withService(d, service, {
        points: crashPointsFor(approach, service),
        types: KNOWN_TYPES[service],
        oldTypes: KNOWN_TYPES[d.service],
      }),
    );

  // A form, so Enter in any field adds, as a keyboard user expects.
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setAdded('');
    const made = faultFromDraft(draft);
    if ('error' in made) {
      setRefused(made);
      form.current?.querySelector<HTMLElement>(`[data-field="${made.field}"]`)?.focus();
      return;
    }
    setRefused(null);
    if (await save([...plan, made.fault], 'Adding the fault'))
      setAdded(`Added: ${describeFault(made.fault)}`);
  };

  const kindHelp = FAULT_KINDS.find((k) => k.kind === draft.kind)?.help;
  return (
    <form
      ref={form}
      className="add-fault"
      aria-labelledby={`${id}-title`}
      aria-busy={busy}
      onSubmit={add}
      noValidate
    >
      <h3 id={`${id}-title`} className="faults-subtitle">
        Add a fault
      </h3>
      <div className="fault-fields">
        <label htmlFor={`${id}-kind`} className="fault-label">
          Kind
        </label>
        <div className="fault-control">
          <select
            id={`${id}-kind`}
            value={draft.kind}
            aria-describedby={`${id}-kind-help`}
            onChange={(e) => {
              setRefused(null);
              change({ kind: e.target.value as FaultKind });
            }}
          >
            {FAULT_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
          <p id={`${id}-kind-help`} className="fault-help">
            {kindHelp}
          </p>
        </div>
        <FaultFields
          draft={draft}
          change={change}
          changeService={changeService}
          services={services}
          points={crashPointsFor(approach, draft.service)}
          types={KNOWN_TYPES[draft.service]}
          invalid={refused?.field ?? null}
        />
      </div>
      {refused && <InlineError message={refused.error} />}
      {error && <InlineError message={error} onDismiss={dismiss} />}
      <div className="add-fault-actions">
        <button type="submit" className="btn btn-primary" aria-disabled={busy}>
          Add fault
        </button>
        <span role="status" className="fault-added">
          {added}
        </span>
      </div>
    </form>
  );
}
