// Every command the UI can give, each wrapped so a failure shows in the error
// banner with a stable code rather than as an unhandled rejection.

import { useMemo } from 'react';
import type { CrashPoint } from '../../core/crashPoints';
import type { ServiceName } from '../../core/rows';
import type { ServiceConfig } from '../../core/service/definition';
import type { ProcessName } from '../../core/telemetry';
import type { PlaceOrderInput } from '../../core/services/catalog';
import { guarded } from '../store/connect';
import { usePlaygroundStore } from '../store/hooks';
import { useController } from './ControllerContext';

export type SagaAction = 'retrySaga' | 'skipStep' | 'forceCompensation';

export interface Actions {
  placeOrder(input?: Partial<PlaceOrderInput>): void;
  placeOrders(count: number): void;
  setPlaying(playing: boolean): void;
  crashAt(process: ProcessName, point: CrashPoint): void;
  crashNow(process: ProcessName): void;
  restart(process: ProcessName): void;
  configure(patch: Partial<ServiceConfig>, onFailed?: () => void): void;
  setSpeed(speed: number): void;
  sagaAction(action: SagaAction, sagaId: string): void;
  editRow(service: ServiceName, table: string, row: Record<string, unknown>): void;
  /** Deterministic runs: grant one step, or every step until nothing is left to do. */
  step(): void;
  runToEnd(): void;
}

export function useActions(): Actions {
  const controller = useController();
  const store = usePlaygroundStore();
  return useMemo(
    () => ({
      placeOrder: (input) => guarded(store, 'Place order', () => controller.placeOrder(input)),
      placeOrders: (count) => guarded(store, 'Place orders', () => controller.placeOrders(count)),
      setPlaying: (playing) =>
        guarded(store, playing ? 'Play' : 'Pause', () => {
          if (playing) controller.play();
          else controller.pause();
          store.getState().setPlaying(playing);
        }),
      crashAt: (process, point) => guarded(store, 'Crash', () => controller.crashAt(process, point)),
      crashNow: (process) => guarded(store, 'Crash', () => controller.crashNow(process)),
      restart: (process) => guarded(store, 'Restart', () => controller.restart(process)),
      configure: (patch, onFailed) =>
        guarded(store, 'Change setting', () =>
          controller.configure(patch).catch((err: unknown) => {
            onFailed?.();
            throw err;
          }),
        ),
      setSpeed: (speed) => guarded(store, 'Set speed', () => controller.setSpeed(speed)),
      sagaAction: (action, sagaId) =>
        guarded(store, 'Saga action', () => controller.sagaAction(action, sagaId)),
      editRow: (service, table, row) =>
        guarded(store, 'Edit row', () => controller.editRow(service, table, row)),
      step: () => guarded(store, 'Step', () => controller.step()),
      runToEnd: () => guarded(store, 'Run to end', () => controller.runToEnd()),
    }),
    [controller, store],
  );
}
