// The legacy listings service: its table, and under it the change log its
// database keeps — the service's code publishes nothing.

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../cdcFlowTypes';
import { geometryOf } from '../cdcLayout';
import { CdcNodeFrame } from './CdcNodeFrame';
import { ChangeLogTable } from './ChangeLogTable';
import { ListingsTable } from './ListingsTable';

function ListingsNodeView({ data }: NodeProps<NodeOf<'listings'>>) {
  return (
    <CdcNodeFrame
      process="listings"
      state={data.process}
      subtitle="publishes nothing"
      handles={geometryOf(data.compact).handles.listings}
    >
      <ListingsTable rows={data.rows} total={data.total} compact={data.compact} />
      <ChangeLogTable log={data.log} compact={data.compact} />
    </CdcNodeFrame>
  );
}

export const ListingsNode = memo(ListingsNodeView);
