// Who runs what in a workshop, told by heartbeats: each browser says every
// second which services it runs and how each stands on it; every browser
// listens. A service whose owner has fallen silent is down (its tab closed,
// its laptop asleep, or the server away), one whose owner says it is not
// running is down on its owner's laptop, and one nobody ever spoke for is
// unowned. Beats are core NATS messages: nothing is kept on the server.

import type { NatsConnection, Subscription } from '@nats-io/nats-core';

/** How a service stands for this browser: run here, run live by another browser, down there, or run by nobody. */
export type Presence = 'here' | 'remote' | 'down' | 'unowned';

export interface ServicePresence {
  service: string;
  presence: Presence;
  /** The id of the browser that runs (or last ran) it; null when unowned. */
  owner: string | null;
  /** Its process status as its owner last said it (null: never heard). */
  status: string | null;
}

interface Beat {
  owner: string;
  services: Record<string, string>;
}

export interface HeartbeatOptions {
  self: string;
  mine: readonly string[];
  all: readonly string[];
  now: () => number;
  statusOf: (service: string) => string;
  onChange: (view: ServicePresence[]) => void;
  /** How often a beat is sent (and silence looked for). */
  everyMs?: number;
  /** Silence past this makes a service down: a few beats missed, not one late. */
  downAfterMs?: number;
}

export class Heartbeats {
  private readonly heard = new Map<string, { owner: string; status: string; at: number }>();
  private subscription: Subscription | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private shown = '';

  constructor(
    private readonly nc: NatsConnection,
    private readonly subject: string,
    private readonly options: HeartbeatOptions,
  ) {}

  start(): void {
    this.subscription = this.nc.subscribe(this.subject, {
      callback: (error, msg) => {
        if (error) return;
        const beat = msg.json<Beat>();
        if (beat.owner === this.options.self) return;
        for (const [service, status] of Object.entries(beat.services))
          this.heard.set(service, { owner: beat.owner, status, at: this.options.now() });
        this.tell();
      },
    });
    const every = this.options.everyMs ?? 1000;
    this.timer = setInterval(() => {
      this.beat();
      this.tell();
    }, every);
    this.beat();
    this.tell();
  }

  view(): ServicePresence[] {
    const { mine, all, now, statusOf } = this.options;
    const downAfter = this.options.downAfterMs ?? 3500;
    return all.map((service): ServicePresence => {
      if (mine.includes(service))
        return { service, presence: 'here', owner: this.options.self, status: statusOf(service) };
      const last = this.heard.get(service);
      if (!last) return { service, presence: 'unowned', owner: null, status: null };
      const live = now() - last.at <= downAfter && last.status === 'running';
      return { service, presence: live ? 'remote' : 'down', owner: last.owner, status: last.status };
    });
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.subscription?.unsubscribe();
  }

  private beat(): void {
    const { mine, self, statusOf } = this.options;
    if (!mine.length || this.nc.isClosed()) return;
    const beat: Beat = { owner: self, services: Object.fromEntries(mine.map((s) => [s, statusOf(s)])) };
    this.nc.publish(this.subject, JSON.stringify(beat));
  }

  /** Listeners hear the view only when it changed. */
  private tell(): void {
    const view = this.view();
    const text = JSON.stringify(view);
    if (text === this.shown) return;
    this.shown = text;
    this.options.onChange(view);
  }
}
