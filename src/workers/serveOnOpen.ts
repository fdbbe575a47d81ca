// Shared wiring for the worker entries of the CDC and event-sourced pages:
// their host is built only when the conductor calls `open` (with the options
// the shop's init message has no field for), every other call waits for that,
// and the conductor arms and disarms crash points the same way in each.

import type { CrashPoint } from '../core/crashPoints';
import { serveWorker, type Methods, type WorkerKit } from './workerEntry';

export interface CrashableHost {
  arm(point: CrashPoint, nth?: number): void;
  disarm(): void;
}

export interface HostOnOpen<H extends CrashableHost, O> {
  /** The process, as named in the error a call before `open` gets. */
  name: string;
  /** Builds the host from what `open` brings; from here on the methods reach it (also while it starts). */
  build(options: O): H;
  /** Starts the built host; `open` answers with what this resolves to. */
  start(host: H): Promise<unknown>;
  /** The entry's own calls; `opened` throws until `open` has built the host. */
  methods(opened: () => H): Methods;
}

export function serveOnOpen<H extends CrashableHost, O>(setup: (kit: WorkerKit) => HostOnOpen<H, O>): void {
  serveWorker(async (kit) => {
    const { name, build, start, methods } = setup(kit);
    let host: H | null = null;
    const opened = (): H => {
      if (!host) throw new Error(`${name} is not open yet`);
      return host;
    };
    return {
      open: (options: O) => {
        host = build(options);
        return start(host);
      },
      ...methods(opened),
      arm: (point: CrashPoint, nth?: number) => opened().arm(point, nth),
      disarm: () => opened().disarm(),
    };
  });
}
