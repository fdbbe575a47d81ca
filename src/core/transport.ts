// The wire between processes. Core code never touches BroadcastChannel
// directly: the host passes in a constructor, so workers and Node tests use
// the same code. Names are namespaced by run id so two tabs never cross, and
// never collide with Dexie's own `x-storagemutated-1` channel.

export interface Channel {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  close(): void;
}

export type OpenChannel = (name: string) => Channel;

interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  // `never` lets both DOM's and Node's BroadcastChannel fit, whatever their event type.
  onmessage: ((event: never) => void) | null;
}

export function broadcastChannels(Ctor: new (name: string) => BroadcastChannelLike): OpenChannel {
  return (name) => {
    const channel = new Ctor(name);
    const listeners: ((message: unknown) => void)[] = [];
    return {
      post: (message) => channel.postMessage(message),
      onMessage: (listener) => {
        // Only a channel someone listens on takes messages in: a channel opened to post (a client's to the broker,
        // a worker's telemetry) is not handed, and does not copy, every message the others send on it.
        channel.onmessage ??= (event: { data: unknown }) => {
          for (const each of listeners) each(event.data);
        };
        listeners.push(listener);
      },
      close: () => channel.close(),
    };
  };
}

export function channelNames(runId: string) {
  const base = `mpp/${runId}`;
  return {
    broker: `${base}/broker`,
    brokerEvents: `${base}/broker-events`,
    telemetry: `${base}/telemetry`,
    to: (process: string) => `${base}/to/${process}`,
  };
}
