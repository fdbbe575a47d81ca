// One microservice: its status and crash controls, its business tables, and
// beneath them what its run's approach makes worth watching (outbox and inbox,
// or the two-phase-commit log and locks) — every row as the service's own
// IndexedDB last reported it.

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { CrashControls, RestartButton } from '../controls/CrashControls';
import { columnsFor } from './columns';
import { shopRowTarget } from '../history/inspector/targets';
import { DataTable } from './DataTable';
import type { ServiceFlowNode } from './flowTypes';
import { handleIds, PUB_AT, SUB_AT } from './layout';
import { LowerSection } from './LowerSection';
import { markedRowClass, markedRowTag, TableCaption, type BusinessTableProps } from './MarkedRows';
import { ArmedBadge, CrashedBanner, StatusBadge } from './StatusBadge';
import { StockTable } from './StockTable';
import { useSeat, WorkshopSeat } from './WorkshopSeat';

function Business({ service, view, idempotencyKeys, compact }: BusinessTableProps & { compact: boolean }) {
  if (view.table === 'stock') return <StockTable service={service} rows={view.rows} />;
  return (
    <DataTable
      caption={
        <TableCaption service={service} view={view} idempotencyKeys={idempotencyKeys} compact={compact} />
      }
      columns={columnsFor(view.table, view.rows[0], { idempotencyKeys, compact })}
      rows={view.rows}
      slots={view.slots}
      rowKey={(r, i) => String(r.id ?? r.sku ?? i)}
      rowClass={markedRowClass(view.marks)}
      rowTag={markedRowTag(view.marks, view.table)}
      inspect={shopRowTarget(service, view.table)}
    />
  );
}

function ServiceNodeView({ data }: NodeProps<ServiceFlowNode>) {
  const { service, process } = data;
  const crashed = process.status === 'crashed';
  // A participant holding locks while its coordinator is down: running, yet stuck. The frame says so;
  // the banner above its locks says why (the header has no room for a second badge).
  const blocked = data.lower.kind === 'participant' && data.lower.view.state === 'blocked';
  const seat = useSeat(service);
  const remote = seat !== null && seat.presence !== 'here';
  return (
    <section
      className={`node service-node node-${process.status}${blocked ? ' node-blocked' : ''}${remote ? ' node-remote' : ''}`}
      aria-label={`${service} service`}
      data-testid={`node-${service}`}
      data-status={process.status}
      data-presence={seat?.presence}
    >
      <header className="node-head">
        <h2 className="node-title">{service}</h2>
        <ArmedBadge state={process} />
        <StatusBadge state={process} />
      </header>
      {seat && <WorkshopSeat seat={seat} />}
      {remote ? null : crashed ? (
        <CrashedBanner state={process}>
          <RestartButton process={service} />
        </CrashedBanner>
      ) : (
        <CrashControls process={service} state={process} layout="stacked" />
      )}
      <div className="node-body">
        {data.business.map((view) => (
          <Business
            key={view.table}
            service={service}
            view={view}
            idempotencyKeys={data.idempotencyKeys}
            compact={data.compact ?? false}
          />
        ))}
        <LowerSection data={data} />
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
