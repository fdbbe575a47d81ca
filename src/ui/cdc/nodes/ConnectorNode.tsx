// The CDC connector: where it stands in the listings' change log (its stored
// position, the log's head, the lag between), what it has published, how many
// of those were published again after a restart, and its initial snapshot.

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../cdcFlowTypes';
import { count } from '../cdcFormat';
import { geometryOf } from '../cdcLayout';
import type { ConnectorView, SourceView } from '../connectorView';
import { CdcNodeFrame } from './CdcNodeFrame';
import { OpPill } from './OpPill';

function Source({ source }: { source: SourceView }) {
  return (
    <div className="cdc-source" data-testid={`connector-source-${source.service}`}>
      <div className="cdc-source-head">
        <strong>{source.service}</strong>
        <span className={source.lag > 0 ? 'cdc-lag cdc-lag-late' : 'cdc-lag'} data-testid="connector-lag">
          lag {count(source.lag)}
        </span>
      </div>
      <div className="cdc-position">
        position <strong data-testid="connector-position">{count(source.position)}</strong> of head{' '}
        {count(source.head)}
      </div>
      <progress
        className="cdc-position-bar"
        max={Math.max(1, source.head)}
        value={source.position}
        aria-label={`Connector position in the ${source.service} log`}
      />
      {source.inFlight !== null && (
        <div className="cdc-inflight">sent up to {count(source.inFlight)}, position not stored</div>
      )}
    </div>
  );
}

function Snapshot({ view }: { view: ConnectorView }) {
  if (!view.snapshot) return <div className="cdc-fact muted">snapshot: not started</div>;
  return (
    <div className="cdc-fact">
      <span>
        snapshot <OpPill op="r" />
      </span>
      <strong>
        {view.snapshot.done ? `${count(view.snapshot.rows)} rows ✓` : `reading… ${count(view.snapshot.rows)}`}
      </strong>
    </div>
  );
}

function ConnectorNodeView({ data }: NodeProps<NodeOf<'connector'>>) {
  const { view } = data;
  return (
    <CdcNodeFrame
      process="connector"
      state={data.process}
      handles={geometryOf(data.compact).handles.connector}
    >
      {!view.known && <p className="muted cdc-waiting">waiting for the connector’s first report…</p>}
      {view.sources.map((s) => (
        <Source key={s.service} source={s} />
      ))}
      <div className="cdc-fact">
        <span>published</span>
        <strong data-testid="connector-published">{count(view.published)}</strong>
      </div>
      <div
        className={view.duplicates > 0 ? 'dup-counter dup-hit cdc-dups' : 'dup-counter cdc-dups'}
        title="Change events published a second time: their position had not been stored when the connector died"
      >
        <span>duplicates</span>
        <span className="dup-number" data-testid="connector-duplicates">
          {count(view.duplicates)}
        </span>
      </div>
      <Snapshot view={view} />
      {view.warnings > 0 && <div className="cdc-fact cdc-warning">warnings: {count(view.warnings)}</div>}
      {/* Compact, the guide's caption and the presenter say it: the node has room for the figures only. */}
      {!data.compact && (
        <p className="cdc-note">
          Publishes a batch, then stores its position: killed in between, it sends that batch again.
        </p>
      )}
    </CdcNodeFrame>
  );
}

export const ConnectorNode = memo(ConnectorNodeView);
