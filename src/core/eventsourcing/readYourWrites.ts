// Read-your-writes over an eventually consistent read model: a page writes an
// order, then at once shows it from the read side. Three ways to handle it:
// 'eventual' shows whatever the first read says (often "not found");
// 'poll-read-model' reads again until the summary reaches the written
// version; 'return-entity' shows the state the write itself returned.
// Transport-free: the caller passes the write, the read and the sleep.

export type ReadYourWritesRemedy = 'return-entity' | 'poll-read-model' | 'eventual';

export interface ReadYourWritesResult {
  remedy: ReadYourWritesRemedy;
  orderId: string;
  /** What the write returned (the entity itself under 'return-entity'). */
  wrote: unknown;
  /** What the read model said right after the write: null is the "not found" surprise. */
  firstRead: unknown;
  /** What the page finally shows, and after how many reads of the read model. */
  shown: unknown;
  reads: number;
}

export interface ReadYourWritesDeps {
  /** Writes the order; returns the stream's version and the order's state after the write. */
  write(orderId: string): Promise<{ version: number; state: unknown }>;
  /** The order's summary in the read model, or null. */
  read(orderId: string): Promise<{ version?: unknown } | null>;
  sleep(ms: number): Promise<void>;
  pollMs: number;
  /** Polling gives up after this many reads and shows the last one. */
  maxReads: number;
}

export async function readYourWrites(
  remedy: ReadYourWritesRemedy,
  orderId: string,
  deps: ReadYourWritesDeps,
): Promise<ReadYourWritesResult> {
  const written = await deps.write(orderId);
  const firstRead = await deps.read(orderId);
  const result = { remedy, orderId, firstRead, reads: 1 };
  switch (remedy) {
    case 'eventual':
      return { ...result, wrote: { orderId, version: written.version }, shown: firstRead };
    case 'return-entity':
      return { ...result, wrote: written.state, shown: written.state };
    case 'poll-read-model': {
      let shown = firstRead;
      let reads = 1;
      const reached = (row: { version?: unknown } | null) =>
        row !== null && Number(row.version) >= written.version;
      while (!reached(shown) && reads < deps.maxReads) {
        await deps.sleep(deps.pollMs);
        shown = await deps.read(orderId);
        reads++;
      }
      return { ...result, wrote: { orderId, version: written.version }, shown, reads };
    }
  }
}
