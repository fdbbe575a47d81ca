// This browser's seat in a workshop run: one NATS connection to the run's
// server, over which it claims the services its link names, beats for them,
// answers the other browsers' calls to them, and shares their telemetry —
// and through which it reaches the services the other browsers run (each a
// RemoteWorker). The conductor stays the one conductor: it is handed remote
// services as workers of another kind, and hears every fact as its own.

import { wsconnect, type NatsConnection } from '@nats-io/nats-core';
import type { ServiceName } from '../../core/rows';
import { broadcastChannels, channelNames, type Channel } from '../../core/transport';
import { Claims } from '../../core/workshop/claims';
import { Heartbeats, type ServicePresence } from '../../core/workshop/heartbeats';
import { natsChannels } from '../../core/workshop/natsChannels';
import { callRemote, serveCalls } from '../../core/workshop/remoteCalls';
import { bridgeTelemetry } from '../../core/workshop/telemetryBridge';
import { workshopSubjects } from '../../core/workshop/workshopSubjects';
import { ownerId } from './ownerId';
import { RemoteWorker } from './RemoteWorker';

/** What the conductor lends its seat: its own services' workers, their statuses, and its pause. */
export interface WorkshopHost {
  call(service: ServiceName, method: string, args: unknown[]): Promise<unknown>;
  status(service: ServiceName): string;
  setPaused(paused: boolean): void;
  presence(view: ServicePresence[]): void;
}

/** What another browser may ask of a service this one runs: reads, orders and settings, never its life. */
const OWNER_CALLS = new Set([
  'dump',
  'status',
  'pending',
  'command',
  'configure',
  'editRow',
  'arm',
  'disarm',
]);
/** A call to another browser's service waits this long for its answer (an order's command included). */
const CALL_TIMEOUT_MS = 10_000;
const RENEW_EVERY_MS = 2000;

export class WorkshopRoom {
  readonly self = ownerId();
  readonly remote: ReadonlySet<ServiceName>;
  private nc: NatsConnection | null = null;
  private readonly subjects;
  private readonly closers: (() => void)[] = [];

  constructor(
    private readonly runId: string,
    private readonly url: string,
    readonly mine: readonly ServiceName[],
    readonly all: readonly ServiceName[],
  ) {
    this.remote = new Set(all.filter((s) => !mine.includes(s)));
    this.subjects = workshopSubjects(runId);
  }

  /**
   * Connects, claims this browser's services and takes its seat; resolves with why it runs nothing when another
   * browser holds one of them (nothing is started then), null once seated. Rejects when the server is not reached.
   */
  async join(host: WorkshopHost): Promise<string | null> {
    const nc = await wsconnect({
      servers: this.url,
      name: `${this.runId}/workshop/${this.self}`,
      maxReconnectAttempts: -1,
    });
    this.nc = nc;
    this.closers.push(() => void nc.drain().catch(() => undefined));
    const claims = await Claims.open(nc, this.subjects.claims);
    const taken = await claims.claim(this.self, this.mine);
    if (taken.length)
      return taken
        .map(
          ({ service, owner }) =>
            `${service} is already run by another browser (owner ${owner}) in workshop run ${this.runId}: open a join link for another service, or close that browser's tab first`,
        )
        .join('; ');
    const renew = setInterval(
      () => void claims.renew(this.self, this.mine).catch(() => undefined),
      RENEW_EVERY_MS,
    );
    this.closers.push(() => clearInterval(renew));

    const home = broadcastChannels(BroadcastChannel)(channelNames(this.runId).telemetry);
    const shared = natsChannels(nc)(channelNames(this.runId).telemetry);
    this.closers.push(
      () => home.close(),
      () => shared.close(),
    );
    bridgeTelemetry(home, shared, new Set(this.mine));
    for (const service of this.mine) this.serve(nc, service, host, shared);

    // Every subscription is the server's before the first beat: a browser that hears it finds the calls served.
    await nc.flush();
    const beats = new Heartbeats(nc, this.subjects.beat, {
      self: this.self,
      mine: this.mine,
      all: this.all,
      now: () => Date.now(),
      statusOf: (service) => host.status(service as ServiceName),
      onChange: (view) => host.presence(view),
    });
    beats.start();
    this.closers.push(() => beats.stop());
    return null;
  }

  /** The worker the conductor's handle drives for a service another browser runs. */
  worker(service: ServiceName): Worker {
    const caller = { call: <T>(method: string, args: unknown[]) => this.call<T>(service, method, args) };
    return new RemoteWorker(caller) as unknown as Worker;
  }

  call<T>(service: ServiceName, method: string, args: unknown[]): Promise<T> {
    if (!this.nc) return Promise.reject(new Error(`${service}: not connected to the workshop yet`));
    return callRemote<T>(this.nc, this.subjects.calls(service), service, method, args, CALL_TIMEOUT_MS);
  }

  close(): void {
    for (const close of this.closers.splice(0).reverse()) close();
  }

  /** Answers the other browsers' calls to `service`; a hydrate is told to every browser, on the shared wire. */
  private serve(nc: NatsConnection, service: ServiceName, host: WorkshopHost, shared: Channel): void {
    const subscription = serveCalls(nc, this.subjects.calls(service), async (method, args) => {
      if (method === 'hydrate') {
        const tables = await host.call(service, 'dump', []);
        shared.post([{ kind: 'hydrate', service, tables }]);
        return true;
      }
      if (method === 'setPaused') return host.setPaused(args[0] === true);
      if (!OWNER_CALLS.has(method)) throw new Error(`${service}: ${method} is for its own browser to call`);
      return host.call(service, method, args);
    });
    this.closers.push(() => subscription.unsubscribe());
  }
}
