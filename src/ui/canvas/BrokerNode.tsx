// The broker: its status and crash button, and the topics in use in two
// side-by-side tables (see TopicTable), so many topics still fit its fixed height.
// It has no crash points to arm, so only "Crash now" (and Restart) are offered.

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Fragment, memo } from 'react';
import { CrashNowButton, RestartButton } from '../controls/CrashControls';
import type { BrokerFlowNode } from './flowTypes';
import { brokerHandleLeft, handleIds, ORCH_PUB_X, ORCH_SUB_X, PUB_AT, SERVICE_ORDER, SUB_AT } from './layout';
import { ArmedBadge, crashedWhere, StatusBadge } from './StatusBadge';
import { foldTopics, splitInTwo, splitRows, type TopicView } from './brokerView';
import { TopicTable } from './TopicTable';
import { BrokerCarrier, useCarrier } from './BrokerCarrier';

/** Past this many rows the topics are shown in two tables side by side to fit the node's height. */
const ONE_TABLE_ROWS = 6;
const rows = (topics: TopicView[]) => topics.reduce((n, v) => n + Math.max(1, v.consumers.length), 0);

/** What the compact broker leaves out, in one line: group rows past its room, topics with no records. */
function foldedLine(hidden: number, idle: number): string {
  const parts = [
    hidden > 0 && `${hidden} more ${hidden === 1 ? 'group' : 'groups'}`,
    idle > 0 && `${idle} ${idle === 1 ? 'topic' : 'topics'} with no records yet`,
  ].filter(Boolean);
  return `and ${parts.join(', ')}`;
}

function BrokerNodeView({ data }: NodeProps<BrokerFlowNode>) {
  const { process } = data;
  const carrier = useCarrier();
  const onNats = carrier?.kind === 'nats';
  // Topics nothing was written to yet share one line, so the table stays the height of the topics in use.
  const active = data.topics.filter((v) => v.records > 0);
  const idle = data.topics.filter((v) => v.records === 0);
  const folded = data.compactRows !== undefined ? foldTopics(active, data.compactRows) : null;
  return (
    <section
      className={`node broker-node node-${process.status}${data.orchestrated ? ' orchestrated' : ''}`}
      aria-label="broker"
      data-testid="node-broker"
      data-status={process.status}
    >
      <header className="node-head">
        <h2 className="node-title">broker</h2>
        <span className="node-subtitle">
          {onNats ? 'NATS JetStream' : 'durable partitioned log'}
          {data.topics.some((v) => v.topic.startsWith('outbox.event.')) && ' · topics outbox.event.…'}
        </span>
        <ArmedBadge state={process} />
        <StatusBadge state={process} />
        {data.paused && <span className="status-badge status-paused">paused</span>}
        <span className={data.deadLetters > 0 ? 'dlq dlq-hit' : 'dlq'}>dead letters: {data.deadLetters}</span>
        {/* The compact body's height is its tables' rows; what they fold away is said in the head's spare width.
            A run that sends no events says so in its body, so its empty topics go unmentioned. */}
        {folded && !data.quiet && (folded.hidden > 0 || idle.length > 0) && (
          <span
            className="node-subtitle folded-topics"
            title={`no records yet: ${idle.map((v) => v.topic).join(', ')}`}
          >
            {foldedLine(folded.hidden, idle.length)}
          </span>
        )}
        <div className="head-spacer" />
        {process.status === 'crashed' ? (
          <>
            <span className="crashed-inline" role="status">
              CRASHED {crashedWhere(process)}:{' '}
              {onNats
                ? 'JetStream’s figures are not read meanwhile; the NATS server itself runs on'
                : 'the log and offsets survive on disk'}
            </span>
            <RestartButton process="broker" />
          </>
        ) : (
          <CrashNowButton
            process="broker"
            state={process}
            title={
              onNats
                ? 'Stop this page’s reader of JetStream’s figures: the NATS server itself keeps running (stopping it is not wired yet)'
                : 'Kill the broker now: its log and committed offsets survive on disk'
            }
          />
        )}
      </header>
      <div className="node-body">
        {!data.known && <p className="muted">waiting for the broker’s first report…</p>}
        {data.quiet && <p className="broker-quiet">{data.quiet}</p>}
        <BrokerCarrier carrier={carrier} />
        {folded ? (
          folded.topics.length > 0 && (
            <div className="broker-tables">
              {splitRows(folded.topics, data.compactRows! / 2).map((topics, i) => (
                <TopicTable key={i} topics={topics} narrow compact />
              ))}
            </div>
          )
        ) : rows(active) > ONE_TABLE_ROWS ? (
          <div className="broker-tables">
            {splitInTwo(active).map((topics, i) => (
              <TopicTable key={i} topics={topics} narrow orchestrated={data.orchestrated} />
            ))}
          </div>
        ) : (
          <TopicTable topics={active} narrow={false} />
        )}
        {idle.length > 0 && !folded && (
          <p className="idle-topics">
            <span className="muted">no records yet: </span>
            {idle.map((v) => v.topic).join(', ')}
          </p>
        )}
        {data.retention && !folded && (
          <p
            className="idle-topics muted broker-retention"
            data-testid="broker-retention"
            title="A log record is deleted once every consumer group has acknowledged it and it is older than the retention; a published outbox row once it has been published that long. Pending rows and unacknowledged records are never deleted."
          >
            {data.retention}
          </p>
        )}
      </div>
      {SERVICE_ORDER.map((service) => (
        <Fragment key={service}>
          <Handle
            type="target"
            id={handleIds.brokerIn(service)}
            position={Position.Top}
            isConnectable={false}
            style={{ left: brokerHandleLeft(service, PUB_AT, data.columns) }}
          />
          <Handle
            type="source"
            id={handleIds.brokerOut(service)}
            position={Position.Top}
            isConnectable={false}
            style={{ left: brokerHandleLeft(service, SUB_AT, data.columns) }}
          />
        </Fragment>
      ))}
      {data.orchestrated && (
        <>
          <Handle
            type="target"
            id={handleIds.brokerIn('orchestrator')}
            position={Position.Bottom}
            isConnectable={false}
            style={{ left: ORCH_PUB_X }}
          />
          <Handle
            type="source"
            id={handleIds.brokerOut('orchestrator')}
            position={Position.Bottom}
            isConnectable={false}
            style={{ left: ORCH_SUB_X }}
          />
        </>
      )}
    </section>
  );
}

export const BrokerNode = memo(BrokerNodeView);
