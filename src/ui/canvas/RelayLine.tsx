// One line on what the service's outbox relay costs: how it finds work (queries on
// the outbox table, or reads of the change log), how often it found none, what it
// wrote back, and how long an event waited from commit to the broker's ack. Side
// by side (the compare page), this is the polling vs log-tailing comparison.
// Always two lines, each cut short rather than wrapped: the node's height is fixed.

import type { RelayStats } from '../../core/service/relayMeter';

function latency(ms: number | null): string {
  return ms === null ? 'no publish yet' : `p50 ${Math.round(ms)} ms`;
}

/** `compact`: the presenter's node has room for one short line; the tooltip keeps the figures. */
export function RelayLine({ stats, compact = false }: { stats: RelayStats | null; compact?: boolean }) {
  if (!stats) return <div className="relay-line muted">relay: starting</div>;
  const polling = stats.mode === 'polling';
  const reads = polling ? stats.outboxQueries : stats.logReads;
  const what = polling ? 'outbox queries' : 'log reads';
  if (compact)
    return (
      <div
        className={`relay-line relay-${stats.mode}`}
        data-testid="relay-line"
        data-mode={stats.mode}
        title={`${reads} ${what}, ${stats.emptyReads} found nothing; publish ${latency(stats.latencyP50Ms)}`}
      >
        <span>
          <strong>{stats.mode}</strong> {reads} {polling ? 'queries' : 'reads'}
        </span>
      </div>
    );
  return (
    <div className={`relay-line relay-${stats.mode}`} data-testid="relay-line" data-mode={stats.mode}>
      <span
        title={`${reads} ${polling ? 'queries on the outbox table' : 'reads of the change log'}, ${stats.emptyReads} of them found nothing${polling ? `; ${stats.rowsHanded} rows taken from the service's commits with no query; ${stats.rowsMarked} rows recorded published by the watermark` : ''}`}
      >
        <strong>{stats.mode}</strong> {reads} {what}, {stats.emptyReads} empty
      </span>
      <span title="publish latency: from the commit of the outbox row to the broker's acknowledgement (median of the recent ones)">
        publish {latency(stats.latencyP50Ms)}
      </span>
    </div>
  );
}
