// Where a run's topics live on a JetStream server: one stream per topic
// partition, holding one subject `<run>.<topic>.<partition>`, and one durable
// pull consumer per group on each. Pure naming; no connection here.
//
// Why a stream per partition and not per topic: the port's offsets are stream
// sequences, and a consumer expects a partition's offsets to follow each other
// (it drops a delivery past the offset it expects next as stale pipelining).
// In a stream per topic the partitions' sequences interleave; in a stream per
// partition the sequence is the partition's own, gap-free, as in Kafka.

/**
 * Stream, consumer and subject tokens may not hold `.`, `*`, `>`, slashes or whitespace, and topics
 * such as `outbox.event.Order` have dots: every character but a letter or digit becomes `-` and its
 * hex code, so distinct names stay distinct.
 */
export function natsToken(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, (c) => `-${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export interface PartitionNames {
  stream: string;
  subject: string;
}

export function partitionNames(runId: string, topic: string, partition: number): PartitionNames {
  const [run, t] = [natsToken(runId), natsToken(topic)];
  return { stream: `${run}_${t}_${partition}`, subject: `${run}.${t}.${partition}` };
}

/** The durable consumer of `group` on a partition's stream (the stream already names topic and partition). */
export function durableName(group: string): string {
  return natsToken(group);
}

/** The advisory JetStream publishes when a message of `stream` ran out of deliveries to `durable`. */
export function maxDeliveriesAdvisory(stream: string, durable: string): string {
  return `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.${durable}`;
}
