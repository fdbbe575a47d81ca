// Where the connector remembers how far it has published, one entry per
// source service. The connector owns this store; it never writes to the
// databases it reads.

export interface ConnectorPosition {
  /** Every change at or below this sequence is published and acknowledged. */
  seq: number;
  /**
   * Written before a batch is handed to publish: the highest sequence in it.
   * A restart that finds it above `seq` republishes (seq, inFlight] and counts
   * those as duplicates.
   */
  inFlight?: number;
  /** Present while an initial snapshot is unfinished: how many snapshot rows were handed to publish so far. */
  snapshotInFlight?: number;
}

export interface PositionStore {
  get(service: string): Promise<ConnectorPosition | undefined>;
  put(service: string, position: ConnectorPosition): Promise<void>;
}

/** A store that lives as long as the object does: for tests, or for a host that persists it itself. */
export function memoryPositionStore(
  initial: Record<string, ConnectorPosition> = {},
): PositionStore & { snapshot(): Record<string, ConnectorPosition> } {
  const positions = new Map(Object.entries(initial));
  return {
    get: async (service) => {
      const position = positions.get(service);
      return position && { ...position };
    },
    put: async (service, position) => void positions.set(service, { ...position }),
    snapshot: () => Object.fromEntries(positions),
  };
}
