// Picks a partition from a key, the way Kafka's default partitioner does:
// same key, same partition, so one aggregate's records stay in order.

export function partitionFor(key: string, partitions: number): number {
  // FNV-1a: cheap, stable across hosts, well spread for short ids.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
