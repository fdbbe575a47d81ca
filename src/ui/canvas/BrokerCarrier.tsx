// What carries the run's messages, in the broker node: on NATS, JetStream's own
// figures (stream sequences, consumer ack floors, pending, redelivered) and what
// each guard caught — the broker's duplicate window and the services' inboxes;
// on the local broker for a deterministic link that asked for NATS, a line saying so.

import { SERVICE_NAMES } from '../../core/rows';
import type { BrokerCarrier as Carrier, JetStreamFigures } from '../../core/telemetry';
import { usePlayground } from '../store/hooks';
import { duplicatesSkipped } from '../store/selectors';

const sum = <T,>(items: T[], of: (item: T) => number) => items.reduce((n, item) => n + of(item), 0);

/** Per group, over its partitions: what the title of the figures line details. */
function perGroup(js: JetStreamFigures): string {
  const groups = [...new Set(js.consumers.map((c) => c.group))].sort();
  return groups
    .map((group) => {
      const cs = js.consumers.filter((c) => c.group === group);
      return `${group}: ack floor ${sum(cs, (c) => c.ackFloor)}, delivered ${sum(cs, (c) => c.delivered)}, pending ${sum(cs, (c) => c.numPending)}, ack pending ${sum(cs, (c) => c.numAckPending)}, redelivered ${sum(cs, (c) => c.numRedelivered)}`;
    })
    .join('\n');
}

function JetStreamLine({ js }: { js: JetStreamFigures }) {
  const inboxSkipped = usePlayground((s) => sum([...SERVICE_NAMES], (svc) => duplicatesSkipped(s, svc)));
  const redelivered = sum(js.consumers, (c) => c.numRedelivered);
  return (
    <div className="broker-jetstream" data-testid="jetstream-figures">
      <p
        className="idle-topics"
        title={`A stream per topic partition: the end offsets above are stream sequences, the committed offsets ack floors.\n${perGroup(js)}`}
      >
        <strong>NATS JetStream</strong> <span className="muted">{js.url}</span> · {js.streams.length} streams
        · stream seq <strong data-testid="jetstream-seq">{sum(js.streams, (s) => s.lastSeq)}</strong> · ack
        floors <strong data-testid="jetstream-ack-floor">{sum(js.consumers, (c) => c.ackFloor)}</strong> ·
        pending <strong>{sum(js.consumers, (c) => c.numPending)}</strong> · ack pending{' '}
        <strong>{sum(js.consumers, (c) => c.numAckPending)}</strong> · redelivered{' '}
        <strong className={redelivered > 0 ? 'lag' : undefined}>{redelivered}</strong>
      </p>
      <p className="idle-topics">
        <span
          data-testid="broker-dedup"
          title="Republishes the streams' duplicate window dropped by Nats-Msg-Id (the outbox row's event id)"
        >
          broker dedup dropped <strong>{js.dedupDropped}</strong>
        </span>{' '}
        ·{' '}
        <span title="Redeliveries the services' inboxes recognised and skipped">
          inbox duplicates skipped <strong>{inboxSkipped}</strong>
        </span>{' '}
        <span className="muted">· end offsets are stream sequences, committed offsets ack floors</span>
      </p>
    </div>
  );
}

export function BrokerCarrier({ carrier }: { carrier: Carrier | undefined }) {
  if (carrier?.kind === 'nats') return <JetStreamLine js={carrier.jetstream} />;
  if (carrier?.kind === 'local' && carrier.natsAsked)
    return (
      <p className="idle-topics broker-quiet" role="note" data-testid="broker-not-nats">
        Deterministic run: on this browser’s own broker, not NATS at {carrier.natsAsked}. The seeded scheduler
        grants every delivery, which a real broker cannot be asked to do; open the link in live mode to run on
        NATS.
      </p>
    );
  return null;
}

/** Which broker the run is on, read from its latest figures (absent until its first report). */
export function useCarrier(): Carrier | undefined {
  return usePlayground((s) => s.broker?.carrier);
}
