// Broker faults for a run on JetStream, where every process publishes and
// consumes through its own connection and no broker process sees the traffic:
// the run's broker process holds the armed faults (so they outlive a service's
// crash, fire once each, and an outage counts the refused publishes of every
// publisher, as on the local broker) and answers over NATS request and reply;
// each service wraps its port in the same fault layer over a view of them. The
// view asks a holder only when what the holder last said it has armed could
// fire for this batch (or an outage is on), so an unarmed run costs no request.

import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { BrokerFaults, type ArmedFaults, type FaultSource } from '../faults';
import { natsToken } from './natsNames';

type Batch = { event: { type: string } }[];
type Take =
  | { op: 'duplicate'; group: string; types: string[] }
  | { op: 'delay'; group: string; types: string[] }
  | { op: 'refusal' };

/** Subjects apart from the run's streams (`<run>.<topic>.<partition>`). */
export function faultSubjects(runId: string) {
  const run = natsToken(runId);
  return {
    /** Each holder's armed faults, after every change: `{ holder, armed }`. */
    state: `mpp-faults.${run}.state`,
    /** A view that has just started asks every holder to say what it has armed. */
    hello: `mpp-faults.${run}.hello`,
    /** Where a holder answers the takes of its faults. */
    take: (holder: string) => `mpp-faults.${run}.take.${natsToken(holder)}`,
  };
}

const batchOf = (types: string[]): Batch => types.map((type) => ({ event: { type } }));

/** Runs `then` each time the client is back on the server after losing it (its subscriptions are renewed by then). */
function onReconnect(nc: NatsConnection, then: () => void): void {
  void (async () => {
    for await (const status of nc.status()) if (status.type === 'reconnect') then();
  })().catch(() => undefined);
}

/** In the run's broker process: the armed faults, announced and taken over NATS. */
export class FaultHolder {
  readonly faults = new BrokerFaults();
  private readonly subjects;
  private readonly subscriptions: Subscription[];

  /** `holder` names this holder among others of the run (every workshop browser has its own broker process). */
  constructor(
    private readonly nc: NatsConnection,
    runId: string,
    private readonly holder: string,
  ) {
    this.subjects = faultSubjects(runId);
    this.subscriptions = [
      nc.subscribe(this.subjects.hello, {
        callback: (error) => {
          if (!error) this.announce();
        },
      }),
      nc.subscribe(this.subjects.take(holder), {
        callback: (error, msg) => {
          if (error) return;
          const value = this.take(msg.json<Take>());
          msg.respond(JSON.stringify({ value }));
          this.announce();
        },
      }),
    ];
    // A view that could not reach this holder while the server was gone has forgotten it: say it again.
    onReconnect(nc, () => this.announce());
  }

  /** Arms (or clears) as `change` says, and returns once the server has the news for every view. */
  async change(change: (faults: BrokerFaults) => void): Promise<void> {
    change(this.faults);
    this.announce();
    await this.nc.flush();
  }

  close(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private take(take: Take): boolean | number | string | null {
    if (take.op === 'duplicate') return this.faults.takeDuplicate(take.group, batchOf(take.types));
    if (take.op === 'delay') return this.faults.takeDelay(take.group, batchOf(take.types));
    return this.faults.takeRefusal();
  }

  private announce(): void {
    this.nc.publish(this.subjects.state, JSON.stringify({ holder: this.holder, armed: this.faults.armed() }));
  }
}

/** In a service: the faults every holder of the run has armed, taken by asking the holder. */
export class HeldFaults implements FaultSource {
  private readonly armed = new Map<string, ArmedFaults>();
  private readonly subjects;

  constructor(
    private readonly nc: NatsConnection,
    runId: string,
    private readonly timeoutMs: number,
  ) {
    this.subjects = faultSubjects(runId);
    nc.subscribe(this.subjects.state, {
      callback: (error, msg) => {
        if (error) return;
        const { holder, armed } = msg.json<{ holder: string; armed: ArmedFaults }>();
        this.armed.set(holder, armed);
      },
    });
    nc.publish(this.subjects.hello);
    onReconnect(nc, () => nc.publish(this.subjects.hello));
  }

  takeDuplicate(group: string, records: Batch): boolean | Promise<boolean> {
    const types = records.map((r) => r.event.type);
    const holder = this.holderWith((a) =>
      a.duplicates.some((d) => d.group === group && types.includes(d.type)),
    );
    return holder ? this.ask(holder, { op: 'duplicate', group, types }, false) : false;
  }

  takeDelay(group: string, records: Batch): number | Promise<number> {
    const types = records.map((r) => r.event.type);
    const holder = this.holderWith((a) => a.delays.some((d) => d.group === group && types.includes(d.type)));
    return holder ? this.ask(holder, { op: 'delay', group, types }, 0) : 0;
  }

  takeRefusal(): 'first' | 'more' | null | Promise<'first' | 'more' | null> {
    const holder = this.holderWith((a) => a.outage);
    return holder ? this.ask(holder, { op: 'refusal' }, null) : null;
  }

  private holderWith(fires: (armed: ArmedFaults) => boolean): string | undefined {
    for (const [holder, armed] of this.armed) if (fires(armed)) return holder;
    return undefined;
  }

  /** The holder's answer; a holder that does not answer (its browser closed, the server down) has no faults to give. */
  private async ask<T>(holder: string, take: Take, otherwise: T): Promise<T> {
    try {
      const reply = await this.nc.request(this.subjects.take(holder), JSON.stringify(take), {
        timeout: this.timeoutMs,
      });
      return reply.json<{ value: T }>().value;
    } catch {
      this.armed.delete(holder);
      return otherwise;
    }
  }
}
