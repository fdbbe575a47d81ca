// The plan in order, each fault with where it stands (armed, or when it fired)
// and a Remove button. Numbers match the timeline's markers.

import { useEffect, useRef } from 'react';
import { describeFault } from '../../core/faults/faultPlan';
import { usePlayground } from '../store/hooks';
import { statusOf, statusText } from './faultStatus';
import { InlineError } from './InlineError';
import { useFaultPlan, usePlanSaver } from './useFaultPlan';

export function FaultPlanList() {
  const plan = useFaultPlan();
  const fired = usePlayground((s) => s.faultsFired);
  const { save, busy, error, dismiss } = usePlanSaver();
  const heading = useRef<HTMLHeadingElement>(null);
  const removing = useRef(false);
  // Removing the last row takes the focused button with it: the heading catches focus instead of the page.
  useEffect(() => {
    if (!removing.current) return;
    removing.current = false;
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
  }, [plan]);
  const remove = async (index: number) => {
    if (busy) return;
    removing.current = await save(
      plan.filter((_, i) => i !== index),
      `Removing fault ${index + 1}`,
    );
  };
  return (
    <section className="fault-plan" aria-labelledby="fault-plan-title">
      <h3 id="fault-plan-title" className="faults-subtitle" ref={heading} tabIndex={-1}>
        Plan <span className="muted">— each fault fires at most once</span>
      </h3>
      {plan.length === 0 ? (
        <p className="muted">No fault planned: the run goes as its data says.</p>
      ) : (
        <ol className="fault-list">
          {plan.map((fault, i) => {
            const status = statusOf(fault, i, fired);
            const description = describeFault(fault);
            return (
              <li key={i} className={`fault-row fault-${status.state}`}>
                <span className="fault-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="fault-description">{description}</span>
                <span className="fault-status">{statusText(status)}</span>
                <button
                  type="button"
                  className="btn btn-small fault-remove"
                  aria-label={`Remove fault ${i + 1}: ${description}`}
                  aria-disabled={busy}
                  onClick={() => void remove(i)}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {error && <InlineError message={error} onDismiss={dismiss} />}
    </section>
  );
}
