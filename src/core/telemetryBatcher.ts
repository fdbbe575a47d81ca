// Collects facts and sends them in batches, so a burst of commits costs one
// message on the wire instead of hundreds. `flush()` sends at once: a process
// about to die calls it so its last committed facts are not lost with it.

import type { Fact } from './telemetry';

export class TelemetryBatcher {
  private batch: Fact[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (facts: Fact[]) => void,
    private readonly intervalMs = 16,
  ) {}

  emit = (fact: Fact): void => {
    this.batch.push(fact);
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  };

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.batch.length) return;
    const facts = this.batch;
    this.batch = [];
    this.send(facts);
  }
}
