// Faults armed by a fault plan or a script. Pure bookkeeping; the fault layer (faultLayer.ts) acts on it.

/** Deliveries to repeat: the next record of a type to a group is handed over twice. */
export class DuplicateDeliveries {
  private readonly armed: { group: string; type: string }[] = [];

  arm(group: string, type: string): void {
    this.armed.push({ group, type });
  }

  /** True (once) if this batch for `group` holds a record of an armed type. */
  take(group: string, records: { event: { type: string } }[]): boolean {
    const i = this.armed.findIndex((d) => d.group === group && records.some((r) => r.event.type === d.type));
    if (i < 0) return false;
    this.armed.splice(i, 1);
    return true;
  }

  list(): { group: string; type: string }[] {
    return this.armed.map(({ group, type }) => ({ group, type }));
  }
}

/** A broker outage for writes, counted in refused publishes (a logical length, not a duration). */
export class Outage {
  private left = 0;
  private length = 0;

  start(publishes: number): void {
    this.left = this.length = publishes;
  }

  /** While the outage lasts, each refused publish shortens it by one: 'first' for the one that begins it. */
  take(): 'first' | 'more' | null {
    if (this.left <= 0) return null;
    return this.left-- === this.length ? 'first' : 'more';
  }

  get active(): boolean {
    return this.left > 0;
  }
}

/** Deliveries to hold back: the next batch to a group holding a record of a type waits so many ms, once. */
export class DelayedDeliveries {
  private readonly armed: { group: string; type: string; ms: number }[] = [];

  arm(group: string, type: string, ms: number): void {
    this.armed.push({ group, type, ms });
  }

  /** The delay to apply to this batch for `group` (0 when none is armed for it). */
  take(group: string, records: { event: { type: string } }[]): number {
    const i = this.armed.findIndex((d) => d.group === group && records.some((r) => r.event.type === d.type));
    if (i < 0) return 0;
    return this.armed.splice(i, 1)[0].ms;
  }

  list(): { group: string; type: string }[] {
    return this.armed.map(({ group, type }) => ({ group, type }));
  }
}

/**
 * Where the fault layer asks whether a fault fires: each answer is taken once. The armed faults of one process
 * answer at once; a view of faults another process holds (nats/sharedFaults.ts) answers after asking it.
 */
export interface FaultSource {
  /** True (once) if this batch for `group` is to be handed over twice. */
  takeDuplicate(group: string, records: { event: { type: string } }[]): boolean | Promise<boolean>;
  /** How long this batch for `group` is held back (0: not at all). */
  takeDelay(group: string, records: { event: { type: string } }[]): number | Promise<number>;
  /** Whether this publish is refused: 'first' for the one that begins an outage. */
  takeRefusal(): 'first' | 'more' | null | Promise<'first' | 'more' | null>;
}

export interface ArmedFaults {
  duplicates: { group: string; type: string }[];
  delays: { group: string; type: string }[];
  outage: boolean;
}

/** Every fault the broker can be asked to inject, with the calls a fault plan or a script uses. */
export class BrokerFaults implements FaultSource {
  duplicates = new DuplicateDeliveries();
  delays = new DelayedDeliveries();
  outage = new Outage();

  /** What is armed and not yet taken: which groups and types a batch must hold to be asked about, and an outage. */
  armed(): ArmedFaults {
    return { duplicates: this.duplicates.list(), delays: this.delays.list(), outage: this.outage.active };
  }

  takeDuplicate(group: string, records: { event: { type: string } }[]): boolean {
    return this.duplicates.take(group, records);
  }

  takeDelay(group: string, records: { event: { type: string } }[]): number {
    return this.delays.take(group, records);
  }

  takeRefusal(): 'first' | 'more' | null {
    return this.outage.take();
  }

  /** Forgets every armed fault (a fault plan was replaced; the new one arms again). */
  clear(): void {
    this.duplicates = new DuplicateDeliveries();
    this.delays = new DelayedDeliveries();
    this.outage = new Outage();
  }

  /** The next record of `type` delivered to `group` is delivered twice, as a network retry would. */
  duplicateNext(group: string, type: string): void {
    this.duplicates.arm(group, type);
  }

  /** The next record of `type` for `group` is held back `ms`, while its partition waits and the rest flow. */
  delayNext(group: string, type: string, ms: number): void {
    this.delays.arm(group, type, ms);
  }

  /** The next `publishes` publish requests are refused, as by a broker that is down for writes. */
  refusePublishes(publishes: number): void {
    this.outage.start(publishes);
  }
}
