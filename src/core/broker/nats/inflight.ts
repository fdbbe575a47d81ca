// The deliveries a process holds and has not settled, per group partition:
// what an ack or nack by offset acts on. Pure bookkeeping over handles.

export interface Settleable {
  seq: number;
}

export const partitionKey = (group: string, topic: string, partition: number): string =>
  JSON.stringify([group, topic, partition]);

export class Inflight<M extends Settleable> {
  private readonly held = new Map<string, Map<number, M>>();

  hold(key: string, message: M): void {
    let partition = this.held.get(key);
    if (!partition) this.held.set(key, (partition = new Map()));
    partition.set(message.seq, message);
  }

  get(key: string, seq: number): M | undefined {
    return this.held.get(key)?.get(seq);
  }

  /** Removes and returns the held messages of `key` with a sequence in [from, to], in sequence order. */
  take(key: string, from: number, to: number): M[] {
    const partition = this.held.get(key);
    if (!partition) return [];
    const taken = [...partition.values()].filter((m) => m.seq >= from && m.seq <= to);
    for (const m of taken) partition.delete(m.seq);
    return taken.sort((a, b) => a.seq - b.seq);
  }

  /** Removes and returns everything held. */
  takeAll(): M[] {
    const all = [...this.held.values()].flatMap((p) => [...p.values()]);
    this.held.clear();
    return all;
  }
}
