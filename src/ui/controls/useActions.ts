// Every command the UI can give, each wrapped so a failure shows in the error
// banner with a stable code rather than as an unhandled rejection.

import { useMemo } from 'react';
import type { CrashPoint } from '../../core/crashPoints';
import type { ProcessName } from '../../core/telemetry';
import { guarded } from '../store/connect';
import { usePlaygroundStore } from '../store/hooks';
import { useController } from './ControllerContext';

export interface Actions {
  placeOrder(): void;
  placeOrders(count: number): void;
  setPlaying(playing: boolean): void;
  crashAt(process: ProcessName, point: CrashPoint): void;
  crashNow(process: ProcessName): void;
  restart(process: ProcessName): void;
}

export function useActions(): Actions {
  const controller = useController();
  const store = usePlaygroundStore();
  return useMemo(
    () => ({
      placeOrder: () => guarded(store, 'place-order-failed', () => controller.placeOrder()),
      placeOrders: (count) => guarded(store, 'place-orders-failed', () => controller.placeOrders(count)),
      setPlaying: (playing) =>
        guarded(store, playing ? 'play-failed' : 'pause-failed', () => {
          if (playing) controller.play();
          else controller.pause();
          store.getState().setPlaying(playing);
        }),
      crashAt: (process, point) => guarded(store, 'crash-failed', () => controller.crashAt(process, point)),
      crashNow: (process) => guarded(store, 'crash-failed', () => controller.crashNow(process)),
      restart: (process) => guarded(store, 'restart-failed', () => controller.restart(process)),
    }),
    [controller, store],
  );
}
