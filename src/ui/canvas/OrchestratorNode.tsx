// The orchestrator of an orchestrated run, in a wide row beneath the broker:
// its crash controls, its sagas table (one XState machine per order, persisted
// row by row), its outbox of commands and its inbox of replies.

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { CrashControls, RestartButton } from '../controls/CrashControls';
import { columnsFor } from './columns';
import { sagaTarget } from '../history/inspector/targets';
import { DataTable } from './DataTable';
import { DualWriteNote } from './EventNotes';
import type { OrchestratorFlowNode } from './flowTypes';
import { InboxStrip } from './InboxStrip';
import { markedRowClass, MoreRows } from './MarkedRows';
import { handleIds, ORCH_PUB_X, ORCH_SUB_X } from './layout';
import { OutboxTable } from './OutboxTable';
import { RelayLine } from './RelayLine';
import { ArmedBadge, crashedWhere, StatusBadge } from './StatusBadge';

const FULL_SLOTS = 5;

function OrchestratorNodeView({ data }: NodeProps<OrchestratorFlowNode>) {
  const { process } = data;
  const sagas = data.business[0] ?? { table: 'sagas', total: 0, rows: [], marks: {} };
  const marked = markedRowClass(sagas.marks);
  // The presenter's compact row shows as many sagas as its geometry gave the table (layout.ts COMPACT).
  const SLOTS = data.compact ? (data.business[0]?.slots ?? FULL_SLOTS) : FULL_SLOTS;
  return (
    <section
      className={`node orchestrator-node node-${process.status}`}
      aria-label="orchestrator service"
      data-testid="node-orchestrator"
      data-status={process.status}
    >
      <header className="node-head">
        <h2 className="node-title">orchestrator</h2>
        <span className="node-subtitle">one saga state machine per order</span>
        <ArmedBadge state={process} />
        <StatusBadge state={process} />
        <div className="head-spacer" />
        {process.status === 'crashed' ? (
          <>
            <span className="crashed-inline" role="status">
              CRASHED {crashedWhere(process)}: every saga is saved in its sagas table
            </span>
            <RestartButton process="orchestrator" />
          </>
        ) : (
          <CrashControls process="orchestrator" state={process} layout="inline" />
        )}
      </header>
      <div className="node-body orchestrator-body">
        <DataTable
          caption={
            <>
              sagas <span className="count">{sagas.total} total</span>
              {data.stuck > 0 && <span className="count count-stuck">{data.stuck} stuck</span>}
              {data.refused > 0 && (
                <span
                  className="count count-refused"
                  title="Late commands a participant refused: it had compensated that step (a semantic lock). Each is in its saga's history."
                >
                  {data.refused} late refused
                </span>
              )}
              <MoreRows service="orchestrator" view={sagas} slots={SLOTS} />
            </>
          }
          columns={columnsFor('sagas', sagas.rows[0], { compact: data.compact })}
          rows={sagas.rows}
          slots={SLOTS}
          rowKey={(r, i) => String(r.id ?? i)}
          rowClass={(r) => (r.status === 'STUCK' ? 'row-stuck' : marked(r))}
          inspect={sagaTarget}
        />
        {data.lower.kind === 'dual-write' ? (
          <DualWriteNote
            sent={data.lower.sent}
            lost={data.lower.lost}
            outboxRows={data.lower.outboxRows}
            compact={data.compact}
          />
        ) : (
          <div className="orchestrator-outbox">
            <OutboxTable service="orchestrator" view={data.outbox} slots={SLOTS - 1} compact={data.compact} />
            <RelayLine stats={data.relay} compact={data.compact} />
          </div>
        )}
        <InboxStrip service="orchestrator" {...data.inbox} handlerFailures={data.handlerFailures} />
      </div>
      <Handle
        type="source"
        id={handleIds.servicePub}
        position={Position.Top}
        isConnectable={false}
        style={{ left: ORCH_PUB_X }}
      />
      <Handle
        type="target"
        id={handleIds.serviceSub}
        position={Position.Top}
        isConnectable={false}
        style={{ left: ORCH_SUB_X }}
      />
    </section>
  );
}

export const OrchestratorNode = memo(OrchestratorNodeView);
