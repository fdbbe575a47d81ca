// Reaches the playground inside a same-origin iframe: its window.playground
// appears once the frame's page has booted, and answers once its workers run.

import type { RunPlaygroundApi } from '../../runtime/topologies';

const POLL_MS = 100;

export class FrameTimeout extends Error {}

/** `frame` is read on every poll: the element may be replaced (a reload) while we wait. */
export function waitForPlayground(
  frame: () => HTMLIFrameElement | null,
  signal: AbortSignal,
  timeoutMs = 60_000,
): Promise<RunPlaygroundApi> {
  const deadline = Date.now() + timeoutMs;
  return new Promise<RunPlaygroundApi>((resolve, reject) => {
    const poll = () => {
      if (signal.aborted) return reject(signal.reason);
      const api = frame()?.contentWindow?.playground;
      if (api) return void api.ready().then(() => resolve(api), reject);
      if (Date.now() > deadline)
        return reject(
          new FrameTimeout(
            `The playground in this frame did not start within ${Math.round(timeoutMs / 1000)} s.`,
          ),
        );
      setTimeout(poll, POLL_MS);
    };
    poll();
  });
}
