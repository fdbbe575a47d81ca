// Synchronous service-to-service calls over the wire, for the "before"
// approaches that predate messaging: direct calls and two-phase commit.
// The caller waits for the answer; if the callee is down, the call times out.

import type { Channel, OpenChannel } from './transport';

export class CallFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallFailed';
  }
}

type Request = { type: 'call'; reqId: string; from: string; method: string; args: unknown[] };
type Reply =
  | { type: 'return'; reqId: string; ok: true; value: unknown }
  | { type: 'return'; reqId: string; ok: false; error: string };

const callChannel = (runId: string, service: string) => `mpp/${runId}/rpc/${service}`;
const replyChannel = (runId: string, service: string) => `mpp/${runId}/rpc-reply/${service}`;

export type Endpoint = (...args: never[]) => Promise<unknown>;

export class RpcNode {
  private readonly inbound: Channel;
  private readonly replies: Channel;
  private readonly outbound = new Map<string, Channel>();
  private readonly replyTo = new Map<string, Channel>();
  private readonly waiting = new Map<
    string,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }
  >();
  private endpoints: Record<string, Endpoint> = {};
  private next = 0;

  constructor(
    private readonly self: string,
    private readonly runId: string,
    private readonly open: OpenChannel,
    private readonly timeoutMs = 3000,
  ) {
    this.inbound = open(callChannel(runId, self));
    this.replies = open(replyChannel(runId, self));
    this.inbound.onMessage((m) => void this.serve(m as Request));
    this.replies.onMessage((m) => this.settle(m as Reply));
  }

  /** What other services may call here. */
  serveEndpoints(endpoints: Record<string, Endpoint>): void {
    this.endpoints = endpoints;
  }

  call<T>(service: string, method: string, ...args: unknown[]): Promise<T> {
    const reqId = `${this.self}-${++this.next}`;
    let channel = this.outbound.get(service);
    if (!channel) this.outbound.set(service, (channel = this.open(callChannel(this.runId, service))));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(reqId);
        reject(new CallFailed(`${service}.${method} did not answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.waiting.set(reqId, { resolve: resolve as (v: unknown) => void, reject, timer });
      channel!.post({ type: 'call', reqId, from: this.self, method, args } satisfies Request);
    });
  }

  close(): void {
    for (const w of this.waiting.values()) {
      clearTimeout(w.timer);
      w.reject(new CallFailed('caller closed'));
    }
    this.waiting.clear();
    for (const c of [this.inbound, this.replies, ...this.outbound.values(), ...this.replyTo.values()])
      c.close();
  }

  private async serve(request: Request): Promise<void> {
    let reply: Reply;
    try {
      const endpoint = this.endpoints[request.method];
      if (!endpoint) throw new Error(`${this.self} has no endpoint ${request.method}`);
      reply = {
        type: 'return',
        reqId: request.reqId,
        ok: true,
        value: await (endpoint as (...a: unknown[]) => Promise<unknown>)(...request.args),
      };
    } catch (error) {
      if ((error as Error)?.name === 'CrashSignal') return; // a dead callee answers nothing: the caller times out
      reply = {
        type: 'return',
        reqId: request.reqId,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    let channel = this.replyTo.get(request.from);
    if (!channel)
      this.replyTo.set(request.from, (channel = this.open(replyChannel(this.runId, request.from))));
    channel.post(reply);
  }

  private settle(reply: Reply): void {
    const w = this.waiting.get(reply.reqId);
    if (!w) return;
    this.waiting.delete(reply.reqId);
    clearTimeout(w.timer);
    if (reply.ok) w.resolve(reply.value);
    else w.reject(new CallFailed(reply.error));
  }
}
