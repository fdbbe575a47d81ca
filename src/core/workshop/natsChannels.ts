// The wire between browsers of a workshop: the same Channel the processes of
// one browser talk over (transport.ts), carried by core NATS subjects instead of
// a BroadcastChannel, so a channel name of channelNames() means one thing on
// either wire. Messages are JSON (every fact is plain data); nothing is kept:
// a browser that joins late hears from then on, and asks the owners for the
// rest (a fresh hydrate).

import type { NatsConnection } from '@nats-io/nats-core';
import { natsToken } from '../broker/nats/natsNames';
import type { OpenChannel } from '../transport';

/** `mpp/room-42/telemetry` → `mpp.room-2d42.telemetry`: each path segment one subject token. */
export function channelSubject(name: string): string {
  return name.split('/').map(natsToken).join('.');
}

export function natsChannels(nc: NatsConnection): OpenChannel {
  return (name) => {
    const subject = channelSubject(name);
    const listeners: ((message: unknown) => void)[] = [];
    const subscription = nc.subscribe(subject, {
      callback: (error, msg) => {
        if (error) return;
        const message = msg.json<unknown>();
        for (const listener of listeners) listener(message);
      },
    });
    return {
      // A post while the server is away is dropped, as a BroadcastChannel drops one with nobody listening.
      post: (message) => {
        if (!nc.isClosed()) nc.publish(subject, JSON.stringify(message));
      },
      onMessage: (listener) => void listeners.push(listener),
      close: () => subscription.unsubscribe(),
    };
  };
}
