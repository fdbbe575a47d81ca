// One microservice: its status and crash controls, its business tables, its
// outbox and its inbox — every row as the service's own IndexedDB last reported it.

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { CrashControls, RestartButton } from '../controls/CrashControls';
import { columnsFor } from './columns';
import { DataTable } from './DataTable';
import type { BusinessTable, ServiceFlowNode } from './flowTypes';
import { InboxStrip } from './InboxStrip';
import { handleIds, PUB_AT, SUB_AT } from './layout';
import { OutboxTable } from './OutboxTable';
import { ArmedBadge, CrashedBanner, StatusBadge } from './StatusBadge';
import { StockTable } from './StockTable';

/** Body rows per table, chosen so every service node has the same height. */
const SLOTS: Record<string, number> = { reservations: 3 };
const DEFAULT_SLOTS = 6;
const OUTBOX_SLOTS = 5;

function Business({ view }: { view: BusinessTable }) {
  if (view.table === 'stock') return <StockTable rows={view.rows} />;
  return (
    <DataTable
      caption={
        <>
          {view.table} <span className="count">{view.total} total</span>
        </>
      }
      columns={columnsFor(view.table, view.rows[0])}
      rows={view.rows}
      slots={SLOTS[view.table] ?? DEFAULT_SLOTS}
      rowKey={(r, i) => String(r.id ?? r.sku ?? i)}
    />
  );
}

function ServiceNodeView({ data }: NodeProps<ServiceFlowNode>) {
  const { service, process } = data;
  const crashed = process.status === 'crashed';
  return (
    <section
      className={`node service-node node-${process.status}`}
      aria-label={`${service} service`}
      data-testid={`node-${service}`}
      data-status={process.status}
    >
      <header className="node-head">
        <h2 className="node-title">{service}</h2>
        <ArmedBadge state={process} />
        <StatusBadge state={process} />
      </header>
      {crashed ? (
        <CrashedBanner state={process}>
          <RestartButton process={service} />
        </CrashedBanner>
      ) : (
        <CrashControls process={service} state={process} layout="stacked" />
      )}
      <div className="node-body">
        {data.business.map((view) => (
          <Business key={view.table} view={view} />
        ))}
        <OutboxTable view={data.outbox} slots={OUTBOX_SLOTS} />
        <InboxStrip {...data.inbox} handlerFailures={data.handlerFailures} />
      </div>
      <Handle
        type="source"
        id={handleIds.servicePub}
        position={Position.Bottom}
        isConnectable={false}
        style={{ left: `${PUB_AT * 100}%` }}
      />
      <Handle
        type="target"
        id={handleIds.serviceSub}
        position={Position.Bottom}
        isConnectable={false}
        style={{ left: `${SUB_AT * 100}%` }}
      />
    </section>
  );
}

export const ServiceNode = memo(ServiceNodeView);
