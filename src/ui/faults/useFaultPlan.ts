// The run's fault plan, and a way to replace it whose failure stays in view:
// shown next to the control that asked, or — if that control is gone by then
// (the user switched tabs) — in the error banner. Never only in the console.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Fault } from '../../core/faults/faultPlan';
import { useController } from '../controls/ControllerContext';
import { errorText } from '../store/connect';
import { usePlayground, usePlaygroundStore } from '../store/hooks';

/** The plan as the conductor last announced it; the controller's own copy until it does. */
export function useFaultPlan(): readonly Fault[] {
  const controller = useController();
  return usePlayground((s) => s.faultPlan) ?? controller.faultPlan;
}

export interface PlanSaver {
  /** Resolves true once the conductor took the plan. `what` begins the error message. */
  save(plan: Fault[], what: string): Promise<boolean>;
  busy: boolean;
  error: string | null;
  dismiss(): void;
}

export function usePlanSaver(): PlanSaver {
  const controller = useController();
  const store = usePlaygroundStore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const save = useCallback(
    async (plan: Fault[], what: string) => {
      setBusy(true);
      setError(null);
      try {
        await controller.setFaultPlan(plan);
        return true;
      } catch (err) {
        if (mounted.current) setError(`${what} failed: ${errorText(err)}`);
        else store.getState().reportError(what, errorText(err));
        return false;
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [controller, store],
  );
  const dismiss = useCallback(() => setError(null), []);
  return { save, busy, error, dismiss };
}
