// Collects facts and sends them in batches, so a burst of commits costs one
// message on the wire instead of hundreds. `flush()` sends at once: a process
// about to die calls it so its last committed facts are not lost with it.
//
// A live run's batch, one frame's worth, is folded before it goes (foldFrame):
// readings of a meter (the relay's, the broker's figures) are cumulative, so
// only the newest of a frame says anything, and a run of one service's
// publishes is one publish of their sum. Every transaction and every event
// still goes as it happened: the history, the inspector and the checker
// attribute each row to the transaction that wrote it. A deterministic run
// sends what happened unfolded, as its batches' bounds depend on real time.

import type { Fact } from './telemetry';

export class TelemetryBatcher {
  private batch: Fact[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (facts: Fact[]) => void,
    /** Whether to fold the batch (a live run's); asked at every flush. */
    private readonly folds: () => boolean = () => false,
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
    this.send(this.folds() ? foldFrame(facts) : facts);
  }
}

/** Whose meter a reading is, for the readings a frame keeps only the newest of; null for any other fact. */
function meterOf(fact: Fact): string | null {
  if (fact.kind === 'relay') return `relay:${fact.service}`;
  if (fact.kind === 'broker') return 'broker';
  return null;
}

/** A frame's facts as the page needs them: see the head of this file. Order is kept. */
export function foldFrame(facts: Fact[]): Fact[] {
  const newest = new Map<string, number>();
  facts.forEach((fact, i) => {
    const meter = meterOf(fact);
    if (meter) newest.set(meter, i);
  });
  const folded: Fact[] = [];
  facts.forEach((fact, i) => {
    const meter = meterOf(fact);
    if (meter && newest.get(meter) !== i) return;
    const last = folded.at(-1);
    if (fact.kind === 'published' && last?.kind === 'published' && last.service === fact.service) {
      folded[folded.length - 1] = {
        ...last,
        count: last.count + fact.count,
        topics: [...new Set([...last.topics, ...fact.topics])],
      };
      return;
    }
    folded.push(fact);
  });
  return folded;
}
