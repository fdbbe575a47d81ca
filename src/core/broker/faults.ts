// Faults the broker can inject on request. Pure bookkeeping; the broker acts on it.

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
}

/** A broker outage for writes, counted in refused publishes (a logical length, not a duration). */
export class Outage {
  private left = 0;

  start(publishes: number): void {
    this.left = publishes;
  }

  /** True while the outage lasts; each refused publish shortens it by one. */
  take(): boolean {
    if (this.left <= 0) return false;
    this.left--;
    return true;
  }
}
