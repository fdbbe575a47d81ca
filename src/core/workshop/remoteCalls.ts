// Calls between the browsers of a workshop: the browser that runs a service
// answers on its subject; any other browser calls it as it would call its own
// worker (method and arguments in, the value or the error's text out), over
// NATS request and reply.

import type { NatsConnection, Subscription } from '@nats-io/nats-core';

type Answer = { ok: true; value: unknown } | { ok: false; error: string };

export function serveCalls(
  nc: NatsConnection,
  subject: string,
  handle: (method: string, args: unknown[]) => Promise<unknown>,
): Subscription {
  return nc.subscribe(subject, {
    callback: (error, msg) => {
      if (error) return;
      const { method, args } = msg.json<{ method: string; args: unknown[] }>();
      void handle(method, args)
        .then(
          (value): Answer => ({ ok: true, value: value ?? null }),
          (failure: unknown): Answer => ({
            ok: false,
            error: String((failure as Error)?.message ?? failure),
          }),
        )
        .then((answer) => msg.respond(JSON.stringify(answer)));
    },
  });
}

export async function callRemote<T>(
  nc: NatsConnection,
  subject: string,
  who: string,
  method: string,
  args: unknown[],
  timeoutMs: number,
): Promise<T> {
  let reply;
  try {
    reply = await nc.request(subject, JSON.stringify({ method, args }), { timeout: timeoutMs });
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    throw new Error(
      /no responders/i.test(text)
        ? `${who}: the browser that runs it is not connected`
        : `${who}: its browser did not answer ${method} (${text})`,
      { cause: error },
    );
  }
  const answer = reply.json<Answer>();
  if (!answer.ok) throw new Error(answer.error);
  return answer.value as T;
}
