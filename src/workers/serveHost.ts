// Shared wiring for the worker entries whose process is one crashable host
// (the event-sourced stores and query service, the CDC listings, connector
// and search service): the host is built from the start message's options and
// started before the worker says it is ready (calls meanwhile wait), and the
// conductor arms and disarms its crash points the same way in each.

import type { CrashPoint } from '../core/crashPoints';
import { serveWorker, type Methods, type WorkerKit } from './workerEntry';

export interface CrashableHost {
  arm(point: CrashPoint, nth?: number): void;
  disarm(): void;
}

export interface HostEntry<H extends CrashableHost> {
  host: H;
  /** Starts the built host: the worker is ready once this resolves. */
  start(host: H): Promise<unknown>;
  /** The entry's own calls. */
  methods(host: H): Methods;
}

export function serveHost<H extends CrashableHost, O>(setup: (kit: WorkerKit<O>) => HostEntry<H>): void {
  serveWorker<O>(async (kit) => {
    const { host, start, methods } = setup(kit);
    await start(host);
    return {
      ...methods(host),
      arm: (point: CrashPoint, nth?: number) => host.arm(point, nth),
      disarm: () => host.disarm(),
    };
  });
}
